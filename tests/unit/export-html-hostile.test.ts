// The hostile corpus through the HTML export, everywhere text from outside can appear: the draft, its title, the
// passage, the question, a reply, a note, the served model, the provider and an error message. The page is parsed
// as a browser would (parse5) and searched for anything that can run or fetch.
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../shared/export-html.js';
import { allPayloads, hostilePayloads } from '../corpus/hostile.js';
import { citation, consultation, exportInput, reply } from './export-fixtures.js';

interface Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}

function* elements(node: Node): Generator<Node> {
  if (node.tagName) yield node;
  for (const child of node.childNodes ?? []) yield* elements(child);
  if (node.content) yield* elements(node.content);
}
const textOf = (node: Node): string => (node.nodeName === '#text' ? node.value! : (node.childNodes ?? []).map(textOf).join(''));

const LEAK = 'http://127.0.0.1:9/leak';
const FORBIDDEN_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'img', 'svg', 'link', 'form', 'base', 'frame', 'frameset', 'applet', 'audio', 'video', 'source', 'math']);

/** Everything a hostile page could use, as a list of findings (empty when the page is inert). */
function findings(html: string): string[] {
  const root = parse(html) as unknown as Node;
  const out: string[] = [];
  let csp: string | undefined;
  for (const el of elements(root)) {
    const tag = el.tagName!;
    if (FORBIDDEN_TAGS.has(tag)) out.push(`<${tag}>`);
    for (const { name, value } of el.attrs ?? []) {
      if (/^on/i.test(name)) out.push(`${tag}[${name}]`);
      if (['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'xlink:href'].includes(name.toLowerCase())) {
        const url = value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        if (!url.startsWith('#')) out.push(`${tag}[${name}=${value.slice(0, 40)}]`);
      }
    }
    if (tag === 'meta') {
      const equiv = el.attrs?.find((a) => a.name === 'http-equiv')?.value.toLowerCase();
      if (equiv === 'content-security-policy') csp = el.attrs?.find((a) => a.name === 'content')?.value;
      else if (equiv) out.push(`meta[http-equiv=${equiv}]`);
    }
    if (tag === 'style' && /@import|url\(/i.test(textOf(el))) out.push('style with a fetch');
  }
  if (!csp) out.push('no CSP meta tag');
  else {
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
    if (directives.get('default-src')?.join(' ') !== "'none'") out.push(`CSP default-src is not 'none': ${csp}`);
    if (directives.has('script-src')) out.push(`CSP names script-src: ${csp}`);
  }
  return out;
}

function hostileExport(text: string) {
  const c = consultation('c1', { passage: { from: 0, to: Math.min(12, text.length), text, hash: 'h' }, question: text });
  const failed = reply('r2', 'c1', 2, { status: 'failed', text: '', error: { kind: 'provider_down', message: text } });
  const r = reply('r1', 'c1', 1, { text, note: text, servedModel: text.slice(0, 300), provider: text.slice(0, 300) });
  return renderHtml({ ...exportInput(text, [citation(r, c), citation(failed, c)]), draft: { id: 'd1', title: text.slice(0, 500), text, createdAt: '', updatedAt: '', trashedAt: null } });
}

describe('HTML export of hostile content', () => {
  it('the checker itself finds an unsafe page (so an empty list means something)', () => {
    const unsafe = '<!DOCTYPE html><html><head></head><body><img src=x onerror="x()"><a href="javascript:x()">a</a><script>1</script><iframe srcdoc="x"></iframe></body></html>';
    expect(findings(unsafe)).toEqual(expect.arrayContaining(['<img>', 'img[onerror]', 'a[href=javascript:x()]', '<script>', '<iframe>', 'no CSP meta tag']));
  });

  for (const payload of hostilePayloads(LEAK)) {
    it(`keeps "${payload.name}" inert and visible as text`, () => {
      const html = hostileExport(payload.text);
      expect(findings(html)).toEqual([]);
      const body = textOf(parse(html) as unknown as Node);
      expect(body).toContain(payload.visible);
    });
  }

  it('keeps every payload at once inert', () => {
    const html = hostileExport(allPayloads(LEAK));
    expect(findings(html)).toEqual([]);
    expect(html).not.toContain(`src="${LEAK}`);
  });
});
