// HTML export: one printable page that runs nothing. Every text from the draft, a reply, a note or a provider is
// escaped and shown as text (white-space: pre-wrap keeps it exactly as written); no Markdown is converted to HTML.
// The CSP allows no script, no image, no request of any kind: only the inline style below.
import { aiUseStatement, statementInputOf } from './ai-use-statement.js';
import { findCitationMarkers } from './citation-markers.js';
import type { Citation, Language } from './domain.js';
import {
  exportLabels,
  formatUtc,
  keptCitations,
  replyStatusLabel,
  requestLabel,
  type ExportInput,
  type ExportLabels,
} from './export-input.js';
import { detectLanguage, frenchTypography } from './language.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\r': '&#13;' };

/** Text as HTML text or attribute value. A CR is written as a reference so the parser keeps it (CRLF stays CRLF). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\r]/g, (c) => ESCAPES[c]!);
}

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #1b1b1b; font: 17px/1.65 Georgia, "Iowan Old Style", "Palatino Linotype", Palatino, "Times New Roman", serif; }
main { max-width: 42rem; margin: 3rem auto; padding: 0 1.5rem; }
h1, h2, h3, h4, dl, .colophon { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 2rem; }
h2 { font-size: 1.3rem; margin: 3rem 0 1rem; }
h3 { font-size: 1.05rem; margin: 0 0 .6rem; }
h4 { font-size: .85rem; font-weight: 600; color: #555; margin: 1.1rem 0 .3rem; }
.draft { white-space: pre-wrap; overflow-wrap: anywhere; }
.draft p { margin: 0; }
a.marker { font-size: .75em; vertical-align: super; line-height: 0; color: #34558b; text-decoration: none; }
span.marker { font-size: .75em; vertical-align: super; line-height: 0; color: #777; }
.citation { border-top: 1px solid #ddd; padding-top: 1.2rem; margin-top: 2rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; font-size: .85rem; }
dt { color: #666; }
dd { margin: 0; overflow-wrap: anywhere; }
blockquote { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; padding: .6rem 1rem; border-left: 3px solid #c9c9c9; background: #f8f8f6; }
blockquote.reply { border-left-color: #6f86b3; }
.status { font-weight: 600; }
.status.incomplete, .status.failed { color: #9b1c1c; }
.statement p { margin: 0 0 .8rem; }
.colophon { margin-top: 3rem; font-size: .8rem; color: #666; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; margin: 0; padding: 0; }
  .citations { break-before: page; }
  .citation, blockquote { break-inside: avoid; }
  a { color: inherit; }
}
`;

/** Draft text as HTML, its markers turned into links to the citations they name. */
function draftHtml(input: ExportInput, labels: ExportLabels, type: (s: string) => string): string {
  const text = input.draft.text;
  const markers = findCitationMarkers(text);
  const kept = new Set(keptCitations(input.citations).map((c) => c.reply.citationNumber));
  const known = new Set(input.citations.map((c) => c.reply.citationNumber));
  let m = 0;
  const span = (from: number, to: number) => {
    let out = '';
    let at = from;
    for (; m < markers.length && markers[m]!.to <= to; m += 1) {
      const marker = markers[m]!;
      const raw = escapeHtml(text.slice(marker.from, marker.to));
      out += escapeHtml(text.slice(at, marker.from));
      out += kept.has(marker.number)
        ? `<a class="marker" href="#citation-${marker.number}">${raw}</a>`
        : `<span class="marker" title="${escapeHtml(type(known.has(marker.number) ? labels.dismissed(marker.number) : labels.missing(marker.number)))}">${raw}</span>`;
      at = marker.to;
    }
    return out + escapeHtml(text.slice(at, to));
  };
  // Paragraphs become <p>; the blank lines between them stay as text, so the page holds every authored character.
  let html = '';
  const separators = /(?:\r?\n)(?:[ \t\f\v]*\r?\n)+/g;
  let from = 0;
  for (let sep = separators.exec(text); ; sep = separators.exec(text)) {
    const end = sep ? sep.index : text.length;
    if (end > from) html += `<p>${span(from, end)}</p>`;
    if (!sep) break;
    html += span(sep.index, sep.index + sep[0].length);
    from = sep.index + sep[0].length;
  }
  return html;
}

function citationHtml(c: Citation, all: Citation[], language: Language, labels: ExportLabels, type: (s: string) => string): string {
  const { reply, consultation } = c;
  const status = reply.status === 'complete' ? 'complete' : reply.status === 'failed' ? 'failed' : 'incomplete';
  const served = reply.servedModel ?? type(labels.unknownModel);
  let model = escapeHtml(served);
  if (reply.provider) model += ` ${escapeHtml(labels.via)} ${escapeHtml(reply.provider)}`;
  if (reply.servedModel !== consultation.route.requestedModel) model += ` (${escapeHtml(type(labels.requested))} ${escapeHtml(consultation.route.requestedModel)})`;

  const rows: [string, string][] = [
    [labels.request, escapeHtml(requestLabel(c, all, language))],
    [labels.model, model],
    [labels.date, escapeHtml(formatUtc(reply.startedAt))],
    [labels.status, `<span class="status ${status}">${escapeHtml(type(replyStatusLabel(reply, language)))}</span>`],
  ];
  if (c.anchor && c.anchor.status !== 'current') rows.push([labels.anchor, escapeHtml(type(c.anchor.status === 'edited' ? labels.anchorEdited : labels.anchorLost))]);
  if (reply.status === 'failed' && reply.error) rows.push([labels.error, escapeHtml(reply.error.message)]);

  const quote = (heading: string, cls: string, text: string) => `<h4>${escapeHtml(type(heading))}</h4>\n<blockquote class="${cls}">${escapeHtml(text)}</blockquote>`;
  const parts = [
    `<section class="citation" id="citation-${reply.citationNumber}">`,
    `<h3>${escapeHtml(type(labels.citation))} ${reply.citationNumber}</h3>`,
    `<dl>${rows.map(([dt, dd]) => `<dt>${escapeHtml(type(dt))}</dt><dd>${dd}</dd>`).join('')}</dl>`,
    quote(labels.passage, 'passage', consultation.passage.text),
  ];
  const question = reply.turn > 0 ? reply.question : consultation.question;
  if (question.trim()) parts.push(quote(labels.question, 'question', question));
  parts.push(reply.text ? quote(labels.reply, `reply ${status}`, reply.text) : `<h4>${escapeHtml(type(labels.reply))}</h4>\n<p><em>${escapeHtml(type(labels.noText))}</em></p>`);
  if (reply.note.trim()) parts.push(quote(labels.note, 'note', reply.note));
  parts.push('</section>');
  return parts.join('\n');
}

export function renderHtml(input: ExportInput): string {
  const language = detectLanguage(input.draft.text);
  const labels = exportLabels(language);
  const type = (s: string) => (language === 'fr' ? frenchTypography(s) : s);
  const title = input.draft.title.trim() || labels.untitled;
  const statement = aiUseStatement(statementInputOf(input, language));
  const kept = keptCitations(input.citations);
  const citations = kept.length
    ? kept.map((c) => citationHtml(c, input.citations, language, labels, type)).join('\n')
    : `<p><em>${escapeHtml(type(labels.none))}</em></p>`;

  return [
    '<!DOCTYPE html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="Ami ${escapeHtml(input.appVersion)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<article class="draft">${draftHtml(input, labels, type)}</article>`,
    '<section class="citations">',
    `<h2>${escapeHtml(labels.citations)}</h2>`,
    citations,
    '</section>',
    '<section class="statement">',
    `<h2>${escapeHtml(type(labels.statement))}</h2>`,
    statement.plain
      .split('\n\n')
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('\n'),
    '</section>',
    `<p class="colophon">${escapeHtml(type(labels.colophon(formatUtc(input.exportedAt), input.appVersion)))}</p>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
