// Marks on the spans of the draft that reproduce a stored reply's wording. The check runs after the author pauses,
// on the paragraphs touched since the last check (the whole text when the replies change), so typing never waits.
import { StateEffect, StateField, type EditorState, type Extension, type Text } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type PluginValue, type ViewUpdate } from '@codemirror/view';
import { findGhostSpans, type GhostSpan, type ReplyIndex } from '../../shared/ghost-guard';
import { paragraphEnd, paragraphStart } from './passage-at-cursor';

/** The replies to check against, and how to name the one a span reproduces (its citation). */
export interface GhostSource {
  index: ReplyIndex;
  /** The mark's accessible description, e.g. "Model wording from citation 2 (model)". */
  describe(replyId: string): string;
}

export const setGhostSource = StateEffect.define<GhostSource | null>();

/** The spans found in [from, to) of the current document replace the marks there. */
const setGhostSpans = StateEffect.define<{ from: number; to: number; spans: GhostSpan[] }>();

export const ghostSourceField = StateField.define<GhostSource | null>({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setGhostSource)) value = e.value;
    return value;
  },
});

function ghostMark(span: GhostSpan, source: GhostSource) {
  const description = source.describe(span.replyId);
  // <mark> is what assistive technology knows as highlighted text; the description says whose wording it is.
  return Decoration.mark({
    tagName: 'mark',
    class: 'cm-ami-ghost',
    inclusiveStart: false,
    inclusiveEnd: false,
    attributes: { title: description, 'aria-description': description, 'data-reply': span.replyId },
  }).range(span.from, span.to);
}

export const ghostMarksField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(setGhostSource) && !e.value) deco = Decoration.none;
      if (!e.is(setGhostSpans)) continue;
      const source = tr.state.field(ghostSourceField, false);
      if (!source) continue;
      const { from, to, spans } = e.value;
      deco = deco.update({
        filterFrom: from,
        filterTo: to,
        filter: (f, t) => t <= from || f >= to,
        add: spans.filter((s) => s.to > s.from && s.to <= tr.state.doc.length).map((s) => ghostMark(s, source)),
        sort: true,
      });
    }
    return deco;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** The reply ids marked in the document, in order (what a test or the panel can read without the DOM). */
export function ghostSpansIn(state: EditorState): { from: number; to: number; replyId: string }[] {
  const out: { from: number; to: number; replyId: string }[] = [];
  const deco = state.field(ghostMarksField, false);
  deco?.between(0, state.doc.length, (from, to, value) => {
    out.push({ from, to, replyId: String(value.spec.attributes?.['data-reply'] ?? '') });
  });
  return out;
}

/** The marks as a list for the page (reply and text, no offsets), read only when the check changed them. */
export function ghostMarkList(state: EditorState, maxChars = 120): { replyId: string; text: string }[] {
  return ghostSpansIn(state).map((s) => ({ replyId: s.replyId, text: state.doc.sliceString(s.from, Math.min(s.to, s.from + maxChars)) }));
}

/** Whether this update brought new marks (a check ran, or the replies changed). */
export function ghostMarksUpdated(update: ViewUpdate): boolean {
  return update.transactions.some((tr) => tr.effects.some((e) => e.is(setGhostSpans) || e.is(setGhostSource)));
}

/** Widens a range to whole paragraphs (blank-line separated): the guard compares words from a paragraph start. */
export function paragraphRange(doc: Text, from: number, to: number): { from: number; to: number } {
  return {
    from: paragraphStart(doc, doc.lineAt(Math.min(from, doc.length)).from),
    to: paragraphEnd(doc, doc.lineAt(Math.min(to, doc.length)).to),
  };
}

const PAUSE_MS = 400;

type Pending = { from: number; to: number } | 'all' | null;

class GhostChecker implements PluginValue {
  private pending: Pending = 'all';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private idle: number | null = null;

  constructor(private readonly view: EditorView) {
    this.schedule();
  }

  update(update: ViewUpdate): void {
    const sourceChanged = update.startState.field(ghostSourceField, false) !== update.state.field(ghostSourceField, false);
    if (sourceChanged) this.pending = 'all';
    else if (update.docChanged && this.pending !== 'all') {
      let range = this.pending ? { from: update.changes.mapPos(this.pending.from, -1), to: update.changes.mapPos(this.pending.to, 1) } : null;
      update.changes.iterChangedRanges((_fa, _ta, fromB, toB) => {
        range = range ? { from: Math.min(range.from, fromB), to: Math.max(range.to, toB) } : { from: fromB, to: toB };
      });
      this.pending = range;
    } else if (!update.docChanged) return;
    this.schedule();
  }

  private schedule(): void {
    this.cancel();
    if (!this.pending) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const run = () => {
        this.idle = null;
        this.check();
      };
      if (typeof requestIdleCallback === 'function') this.idle = requestIdleCallback(run, { timeout: 1500 });
      else run();
    }, PAUSE_MS);
  }

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.idle !== null && typeof cancelIdleCallback === 'function') cancelIdleCallback(this.idle);
    this.timer = null;
    this.idle = null;
  }

  private check(): void {
    const pending = this.pending;
    this.pending = null;
    const state = this.view.state;
    const source = state.field(ghostSourceField, false);
    if (!pending || !source) return;
    const doc = state.doc;
    // With no reply stored there is nothing to find: marks left from an earlier source go, and the text is not read.
    if (source.index.size === 0) {
      if (state.field(ghostMarksField).size) this.view.dispatch({ effects: setGhostSpans.of({ from: 0, to: doc.length, spans: [] }) });
      return;
    }
    const range = pending === 'all' ? { from: 0, to: doc.length } : paragraphRange(doc, pending.from, pending.to);
    const text = doc.sliceString(range.from, range.to);
    const spans = findGhostSpans(text, source.index).map((s) => ({ ...s, from: s.from + range.from, to: s.to + range.from }));
    this.view.dispatch({ effects: setGhostSpans.of({ from: range.from, to: range.to, spans }) });
  }

  destroy(): void {
    this.cancel();
  }
}

const ghostChecker = ViewPlugin.fromClass(GhostChecker);

export function ghostGuard(source: GhostSource | null): Extension {
  return [ghostSourceField.init(() => source), ghostMarksField, ghostChecker];
}
