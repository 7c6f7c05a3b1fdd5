// Markdown export: the draft byte for byte as authored, then the kept citations as quotations, then the AI-use
// statement. Replies are Markdown and stay Markdown, but confined: every line of a quotation starts with "> ", so
// no heading, fence or list in a reply can leave its blockquote.
import { aiUseStatement, statementInputOf, markdownCode } from './ai-use-statement.js';
import { findCitationMarkers, isEscaped, scanCode } from './citation-markers.js';
import type { Citation, Consultation, Language } from './domain.js';
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

export type { ExportInput } from './export-input.js';

/**
 * Backslashes that keep quoted text literal when rendered, outside code (where nothing is interpreted):
 * before "<" and "&" (no raw HTML, no entity can close the blockquote or run), before "[^" (no footnote reference
 * or definition hijacking the draft's markers) and before a link definition at a line start. A renderer shows
 * the text exactly as received.
 */
export function escapeQuoted(text: string): string {
  const { ranges } = scanCode(text, false);
  const risky = /[<&]|\[\^|^ {0,3}\[(?=[^\]\n]*\]:)/gm;
  let out = '';
  let last = 0;
  let r = 0;
  for (let m = risky.exec(text); m; m = risky.exec(text)) {
    const at = m[0] === '[^' ? m.index : m.index + m[0].length - 1;
    while (r < ranges.length && ranges[r]![1] <= at) r += 1;
    const range = ranges[r];
    if ((range && range[0] <= at) || isEscaped(text, at)) continue;
    out += text.slice(last, at) + '\\';
    last = at;
  }
  return out + text.slice(last);
}

/** A blockquote of text: every line prefixed, blank lines included, so the quotation cannot end early. */
export function blockquote(text: string): string {
  return escapeQuoted(text)
    .split('\n')
    .map((line) => (line === '' || line === '\r' ? `>${line}` : `> ${line}`))
    .join('\n');
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function footnoteDefinitions(input: ExportInput, labels: ExportLabels): string[] {
  const numbers = [...new Set(findCitationMarkers(input.draft.text).map((m) => m.number))].sort((a, b) => a - b);
  return numbers.map((n) => {
    const citation = input.citations.find((c) => c.reply.citationNumber === n);
    const text = !citation ? labels.missing(n) : citation.reply.state === 'kept' ? labels.seeBelow(n) : labels.dismissed(n);
    return `[^c${n}]: ${text}`;
  });
}

function citationSection(c: Citation, all: Citation[], language: Language, labels: ExportLabels): string {
  const { reply, consultation } = c;
  const fr = language === 'fr';
  const field = (label: string, value: string) => `- **${label}${fr ? '\u00a0:' : ':'}** ${value}`;
  const heading = (label: string) => `**${label}${fr ? '\u00a0:' : ':'}**`;
  const type = (s: string) => (fr ? frenchTypography(s) : s);

  const fields = [
    field(type(labels.request), escapeQuoted(requestLabel(c, all, language))),
    field(type(labels.model), modelLine(c, consultation, labels, type)),
    field(type(labels.date), formatUtc(reply.startedAt)),
    field(type(labels.status), type(replyStatusLabel(reply, language))),
  ];
  if (c.anchor && c.anchor.status !== 'current') {
    fields.push(field(type(labels.anchor), type(c.anchor.status === 'edited' ? labels.anchorEdited : labels.anchorLost)));
  }

  const parts = [`### ${type(labels.citation)} ${reply.citationNumber}`, fields.join('\n'), heading(type(labels.passage)), blockquote(consultation.passage.text)];
  const question = reply.turn > 0 ? reply.question : consultation.question;
  if (question.trim()) parts.push(heading(type(labels.question)), blockquote(question));
  parts.push(heading(type(labels.reply)), reply.text ? blockquote(reply.text) : `*${type(labels.noText)}*`);
  if (reply.status === 'failed' && reply.error) parts.push(`${heading(type(labels.error))} ${escapeQuoted(oneLine(reply.error.message))}`);
  if (reply.note.trim()) parts.push(heading(type(labels.note)), blockquote(reply.note));
  return parts.join('\n\n');
}

function modelLine(c: Citation, consultation: Consultation, labels: ExportLabels, type: (s: string) => string): string {
  const served = c.reply.servedModel;
  let line = served ? markdownCode(served) : labels.unknownModel;
  if (c.reply.provider) line += ` ${labels.via} ${markdownCode(c.reply.provider)}`;
  if (served !== consultation.route.requestedModel) line += ` (${type(labels.requested)} ${markdownCode(consultation.route.requestedModel)})`;
  return line;
}

/** What the Markdown renderer needs to end the draft: a fence it left open is closed after it, never inside it. */
function afterDraft(text: string): string {
  const { openFence } = scanCode(text);
  const close = openFence ? `${text.endsWith('\n') ? '' : '\n'}${openFence}` : '';
  return `${close}\n\n---\n\n`;
}

export function renderMarkdown(input: ExportInput): string {
  const language = detectLanguage(input.draft.text);
  const labels = exportLabels(language);
  const type = (s: string) => (language === 'fr' ? frenchTypography(s) : s);
  const kept = keptCitations(input.citations);
  const statement = aiUseStatement(statementInputOf(input, language));

  const appendix = [`## ${labels.citations}`];
  const definitions = footnoteDefinitions(input, labels).map(type);
  if (definitions.length) appendix.push(definitions.join('\n'));
  if (kept.length === 0) appendix.push(`*${type(labels.none)}*`);
  for (const c of kept) appendix.push(citationSection(c, input.citations, language, labels));
  appendix.push(`## ${type(labels.statement)}`, statement.text);
  appendix.push(`*${type(labels.colophon(formatUtc(input.exportedAt), input.appVersion))}*`);

  return input.draft.text + afterDraft(input.draft.text) + appendix.join('\n\n') + '\n';
}
