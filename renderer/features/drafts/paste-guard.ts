// Pasting a model's wording into the draft as if it were the author's is what Ami exists to prevent. A paste that
// reproduces a reply is let through only after the author confirms; quoted as a blockquote it passes silently.
import { findGhostSpans, type ReplyIndex } from '../../../shared/ghost-guard';

/** True when the paste should be stopped. */
export function shouldBlockPaste(text: string, index: ReplyIndex, confirm: (message: string) => boolean): boolean {
  const spans = findGhostSpans(text, index);
  if (!spans.length) return false;
  const numbers = [...new Set(spans.map((s) => s.citationNumber))].sort((a, b) => a - b);
  const which = numbers.map((n) => `[${n}]`).join(', ');
  return !confirm(
    `What you are pasting reproduces the wording of citation ${which}.\n\n` +
      'Ami keeps model wording out of your draft unless it is quoted: use “Copy as quotation” to paste it as an attributed quotation.\n\n' +
      'Paste it as your own text anyway?',
  );
}
