import { micromark } from 'micromark';
import { describe, expect, it } from 'vitest';
import { blockquote, escapeQuoted, renderMarkdown } from '../../shared/export-markdown.js';
import { HOSTILE_REPLY, citation, consultation, exportInput, reply } from './export-fixtures.js';

const EN_DRAFT = 'The cat slept on the mat. [^c1]\n\nIt dreamt of mice, and of the garden beyond the wall. [^c2]\n';

/** The section of the export about one citation, up to the next heading of the same level or above. */
function section(md: string, n: number): string {
  const start = md.indexOf(`### Citation ${n}\n`);
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = md.slice(start + 1);
  const end = rest.search(/\n##/);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The lines of the blockquote that follows a bold label such as "**Reply, verbatim:**". */
function quoteAfter(md: string, label: string): string[] {
  const at = md.indexOf(`**${label}**\n\n`);
  expect(at).toBeGreaterThanOrEqual(0);
  const lines = md.slice(at + label.length + 6).split('\n');
  const end = lines.findIndex((l) => !l.startsWith('>'));
  return lines.slice(0, end < 0 ? lines.length : end);
}

describe('renderMarkdown', () => {
  it('starts with the draft byte for byte: CRLF, trailing spaces, tabs, emoji, combining accents', () => {
    const text = 'Premier paragraphe.  \r\nLigne\tdeux, 👩‍👩‍👧 et 🇫🇷.\r\n\r\nCafe\u0301 « noël » — fin sans retour   ';
    const md = renderMarkdown(exportInput(text, []));
    expect(md.slice(0, text.length)).toBe(text);
    expect(md.slice(text.length, text.length + 7)).toBe('\n\n---\n\n');
  });

  it('closes a code fence the draft left open after the draft, not inside it', () => {
    const text = 'Notes\n\n```js\nconst a = 1;';
    const md = renderMarkdown(exportInput(text, []));
    expect(md.startsWith(text + '\n```\n\n---\n\n')).toBe(true);
    const html = micromark(md);
    expect(html).toContain('<h2>Citations</h2>');
  });

  it('lists kept citations in number order with passage, request, model, date and status, and leaves dismissed ones out', () => {
    const c1 = consultation('c1', { question: 'Is "mat" too plain?' });
    const c2 = consultation('c2', { kind: 'explore', templateName: 'Explore', passage: { from: 33, to: 85, text: 'It dreamt of mice', hash: 'h' } });
    const input = exportInput(EN_DRAFT, [
      citation(reply('r2', 'c2', 2, { text: 'Think of Colette.' }), c2),
      citation(reply('r1', 'c1', 1), c1),
      citation(reply('r3', 'c2', 3, { text: 'DISMISSED TEXT', state: 'dismissed', turn: 1, question: 'More?' }), c2),
    ]);
    const md = renderMarkdown(input);
    expect(md.indexOf('### Citation 1')).toBeLessThan(md.indexOf('### Citation 2'));
    expect(md).not.toContain('### Citation 3');
    expect(md).not.toContain('DISMISSED TEXT');

    const one = section(md, 1);
    expect(one).toContain('- **Request:** Clarity');
    expect(one).toContain('- **Model:** `anthropic/claude-4.5-sonnet-20250929` via `Anthropic` (requested: `anthropic/claude-sonnet-4.5`)');
    expect(one).toContain('- **Date:** 2026-03-01 09:12:05 UTC');
    expect(one).toContain('- **Status:** complete');
    expect(quoteAfter(one, 'Passage, as it was when asked:')).toEqual(['> The cat slept']);
    expect(quoteAfter(one, 'Question:')).toEqual(['> Is "mat" too plain?']);
    expect(quoteAfter(one, 'Reply, verbatim:')).toEqual(['> The sentence is clear.']);
    expect(section(md, 2)).toContain('- **Request:** Explore');

    // The dismissed one still counts as a consultation in the statement.
    expect(md).toContain('consulted 2 times through Ami (clarity 1, explore 1)');
    expect(md).toContain('for 3 replies in all');
  });

  it('defines a footnote for every marker the draft uses, kept, dismissed or unknown', () => {
    const text = 'One [^c1], two [^c2], nine [^c9], in code `[^c4]`.';
    const c = consultation('c1');
    const md = renderMarkdown(
      exportInput(text, [citation(reply('r1', 'c1', 1), c), citation(reply('r2', 'c1', 2, { state: 'dismissed', turn: 1 }), c)]),
    );
    expect(md).toContain('\n[^c1]: See Citation 1 below.\n');
    expect(md).toMatch(/\n\[\^c2\]: Citation 2 was dismissed by the author/);
    expect(md).toMatch(/\n\[\^c9\]: There is no citation 9/);
    expect(md).not.toMatch(/^\[\^c4\]:/m);
  });

  it('never labels an unfinished reply complete', () => {
    const c = consultation('c1');
    const md = renderMarkdown(
      exportInput(EN_DRAFT, [
        citation(reply('r1', 'c1', 1, { status: 'interrupted', text: 'The first half of a tho', finishReason: null }), c),
        citation(reply('r2', 'c1', 2, { status: 'failed', text: '', error: { kind: 'provider_down', message: 'The provider is down.' } }), c),
        citation(reply('r3', 'c1', 3, { status: 'streaming', text: 'Still arr' }), c),
      ]),
    );
    expect(section(md, 1)).toContain('- **Status:** incomplete — the reply was cut off');
    expect(section(md, 2)).toContain('- **Status:** failed');
    expect(section(md, 2)).toContain('*(no text received)*');
    expect(section(md, 2)).toContain('**Error:** The provider is down.');
    expect(section(md, 3)).toContain('- **Status:** incomplete — the reply was still arriving');
    for (const n of [1, 2, 3]) expect(section(md, n)).not.toMatch(/Status:\*\* complete/);
    expect(md).toContain('3 of these replies are incomplete');
  });

  it('keeps a hostile reply inside its blockquote, with nothing a renderer would run', () => {
    const c = consultation('c1', { question: '<img src=x onerror=alert(5)>' });
    const input = exportInput(EN_DRAFT, [citation(reply('r1', 'c1', 1, { text: HOSTILE_REPLY, note: '# My note\n[^c1]: mine' }), c)]);
    const md = renderMarkdown(input);
    const quoted = quoteAfter(md, 'Reply, verbatim:');
    expect(quoted).toHaveLength(HOSTILE_REPLY.split('\n').length);
    // Undoing the quotation and the backslashes gives the reply back exactly.
    expect(quoted.map((l) => l.replace(/^> ?/, '')).join('\n').replace(/\\([<&[])/g, '$1')).toBe(HOSTILE_REPLY);
    expect(quoted).toContain('> # Heading');
    expect(quoted).toContain('> \\[^c1]: See the attacker instead.');

    // Rendered by a CommonMark renderer that lets raw HTML through, nothing executable appears...
    const html = micromark(md, { allowDangerousHtml: true });
    expect(html).not.toMatch(/<script|<img|<\/blockquote><script|href="\s*javascript:/i);
    // ...the reply's heading stays inside a blockquote, and the appendix headings still follow it.
    expect(html).toMatch(/<blockquote>\n<p>Fine overall.<\/p>\n<h1>Heading<\/h1>/);
    expect(html).toContain('<h2>AI-use statement</h2>');
    // The fence the reply opened ends with its quotation: the code it shows is the reply's last line only.
    expect(html).toMatch(/<pre><code>&lt;script&gt;alert\(4\)&lt;\/script&gt;\n<\/code><\/pre>\n<\/blockquote>/);
  });

  it('escapes HTML and footnote syntax in quoted text only outside code', () => {
    expect(escapeQuoted('a <b> & `<c>` [^c1]')).toBe('a \\<b> \\& `<c>` \\[^c1]');
    expect(escapeQuoted('```\n<b>\n```\n<i>')).toBe('```\n<b>\n```\n\\<i>');
    expect(escapeQuoted('already \\<b>')).toBe('already \\<b>');
    expect(escapeQuoted('two \\\\<b>')).toBe('two \\\\\\<b>');
    expect(escapeQuoted('  [x]: http://evil\n[y] stays')).toBe('  \\[x]: http://evil\n[y] stays');
  });

  it('quotes every line, blank ones included, so a quotation cannot end early', () => {
    expect(blockquote('a\n\nb\r\n\r\nc')).toBe('> a\n>\n> b\r\n>\r\n> c');
  });

  it('writes the appendix and statement in French for a French draft', () => {
    const text = 'Le chat dort sur le tapis. [^c1]\n\nIl rêve de souris et du jardin derrière le mur.';
    const c = consultation('c1', { language: 'fr', templateName: 'Clarté' });
    const md = renderMarkdown(exportInput(text, [citation(reply('r1', 'c1', 1, { status: 'interrupted' }), c)]));
    expect(md.startsWith(text)).toBe(true);
    expect(md).toContain('[^c1]: Voir la citation 1 plus bas.');
    expect(md).toContain('- **État\u00a0:** incomplète — la réponse a été interrompue');
    expect(md).toContain('## Déclaration d’usage de l’IA');
    expect(md).toContain('Ami n’insère jamais de texte d’un modèle dans le brouillon');
  });

  it('says honestly when the check found model text in the draft', () => {
    const c = consultation('c1');
    const md = renderMarkdown(
      exportInput(EN_DRAFT, [citation(reply('r1', 'c1', 1), c)], { guard: { clean: false, spans: [{ from: 0, to: 10, citationNumber: 1 }] } }),
    );
    expect(md).not.toContain('never inserts');
    expect(md).toContain('found 1 passage of the draft that reproduces text from model replies (citation 1)');
  });
});
