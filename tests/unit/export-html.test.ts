import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderHtml } from '../../shared/export-html.js';
import { HOSTILE_REPLY, citation, consultation, exportInput, reply } from './export-fixtures.js';

// A minimal view of parse5's tree: enough to walk elements and read text as a browser would.
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
}
const text = (node: Node): string => (node.nodeName === '#text' ? node.value! : (node.childNodes ?? []).map(text).join(''));
const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;
const dom = (html: string) => parse(html) as unknown as Node;
const find = (root: Node, predicate: (n: Node) => boolean) => [...elements(root)].filter(predicate);
const byClass = (root: Node, cls: string) => find(root, (n) => (attr(n, 'class') ?? '').split(' ').includes(cls));

const ALLOWED_TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'h1', 'h2', 'h3', 'h4', 'article', 'p', 'a', 'span', 'section', 'dl', 'dt', 'dd', 'blockquote', 'em']);

describe('renderHtml', () => {
  it('is a standalone HTML5 page with utf-8, a strict CSP and no script', () => {
    const html = renderHtml(exportInput('Hello.', []));
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    const root = dom(html);
    const metas = find(root, (n) => n.tagName === 'meta');
    expect(metas.some((m) => attr(m, 'charset') === 'utf-8')).toBe(true);
    const csp = metas.find((m) => attr(m, 'http-equiv') === 'Content-Security-Policy');
    expect(attr(csp!, 'content')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(find(root, (n) => n.tagName === 'script' || n.tagName === 'link')).toHaveLength(0);
  });

  it('holds every authored character of the draft, CR and all, and links markers to kept citations only', () => {
    const draftText = 'Premier paragraphe.  [^c1]\r\nLigne\tdeux, 👩‍👩‍👧 et 🇫🇷.\r\n\r\n  \r\nCafe\u0301 « noël » [^c2] [^c7] `[^c1]` — fin   ';
    const c = consultation('c1');
    const html = renderHtml(
      exportInput(draftText, [citation(reply('r1', 'c1', 1), c), citation(reply('r2', 'c1', 2, { state: 'dismissed', turn: 1 }), c)]),
    );
    const article = find(dom(html), (n) => n.tagName === 'article')[0]!;
    expect(text(article)).toBe(draftText);
    const links = find(article, (n) => n.tagName === 'a');
    expect(links.map((a) => [attr(a, 'href'), text(a)])).toEqual([['#citation-1', '[^c1]']]);
    const unlinked = byClass(article, 'marker').filter((n) => n.tagName === 'span');
    expect(unlinked.map((s) => text(s))).toEqual(['[^c2]', '[^c7]']);
    expect(find(dom(html), (n) => attr(n, 'id') === 'citation-1')).toHaveLength(1);
    expect(html).toContain('.draft { white-space: pre-wrap;');
  });

  it('shows hostile replies, notes, titles and model names as text, never as markup', () => {
    const c = consultation('c1', { question: '"><img src=x onerror=alert(5)>', templateName: '<b>Clarity</b>' });
    const r = reply('r1', 'c1', 1, { text: HOSTILE_REPLY, note: '<script>alert(6)</script>', servedModel: 'evil/<img src=x onerror=alert(7)>', provider: "a' onmouseover='alert(8)" });
    const html = renderHtml({ ...exportInput('Draft <script>alert(9)</script> [^c1]', [citation(r, c)]), draft: { ...exportInput('', []).draft, title: '</title><script>alert(10)</script>', text: 'Draft <script>alert(9)</script> [^c1]' } });
    const root = dom(html);
    for (const el of elements(root)) {
      expect(ALLOWED_TAGS.has(el.tagName!)).toBe(true);
      for (const a of el.attrs ?? []) {
        expect(a.name.startsWith('on')).toBe(false);
        if (a.name === 'href') expect(a.value).toMatch(/^#citation-\d+$/);
      }
    }
    const replyQuote = find(root, (n) => n.tagName === 'blockquote' && (attr(n, 'class') ?? '').includes('reply'))[0]!;
    expect(text(replyQuote)).toBe(HOSTILE_REPLY);
    expect((replyQuote.childNodes ?? []).every((n) => n.nodeName === '#text')).toBe(true);
    expect(text(byClass(root, 'note')[0]!)).toBe('<script>alert(6)</script>');
    expect(text(byClass(root, 'question')[0]!)).toBe('"><img src=x onerror=alert(5)>');
    expect(text(find(root, (n) => n.tagName === 'title')[0]!)).toBe('</title><script>alert(10)</script>');
    expect(text(find(root, (n) => n.tagName === 'dl')[0]!)).toContain('evil/<img src=x onerror=alert(7)>');
  });

  it('marks unfinished replies as such and never as complete', () => {
    const c = consultation('c1');
    const html = renderHtml(
      exportInput('Text.', [
        citation(reply('r1', 'c1', 1, { status: 'interrupted', text: 'Half a' }), c),
        citation(reply('r2', 'c1', 2, { status: 'failed', text: '', error: { kind: 'timeout', message: 'No answer for 60 seconds.' } }), c),
        citation(reply('r3', 'c1', 3), c),
      ]),
    );
    const root = dom(html);
    const statuses = byClass(root, 'status').map((s) => [attr(s, 'class'), text(s)]);
    expect(statuses).toEqual([
      ['status incomplete', 'incomplete — the reply was cut off'],
      ['status failed', 'failed — the request did not succeed'],
      ['status complete', 'complete'],
    ]);
    expect(text(find(root, (n) => attr(n, 'id') === 'citation-2')[0]!)).toContain('No answer for 60 seconds.');
    expect(byClass(root, 'reply').map((q) => attr(q, 'class'))).toEqual(['reply incomplete', 'reply complete']);
  });

  it('renders the AI-use statement as paragraphs of text, in the draft language', () => {
    const fr = 'Le chat dort sur le tapis, et il rêve de souris.';
    const c = consultation('c1', { language: 'fr' });
    const root = dom(renderHtml(exportInput(fr, [citation(reply('r1', 'c1', 1, { servedModel: 'a/`b`' }), c)])));
    expect(attr(find(root, (n) => n.tagName === 'html')[0]!, 'lang')).toBe('fr');
    const statement = byClass(root, 'statement')[0]!;
    expect(text(statement)).toContain('Ami n’insère jamais de texte d’un modèle dans le brouillon');
    expect(text(statement)).toContain('a/`b` (1)');
    expect(text(statement)).not.toContain('``');
  });

  it('escapes the five HTML characters and keeps a CR as a reference', () => {
    expect(escapeHtml(`&<>"'\r\n`)).toBe('&amp;&lt;&gt;&quot;&#39;&#13;\n');
  });
});
