// The editor owns the live ranges of consultation passages: they are mapped through every change here and
// nowhere else (React state never holds document offsets).
import { ChangeDesc, MapMode, StateEffect, StateField, type EditorState, type Extension, type Text } from '@codemirror/state';
import { invertedEffects } from '@codemirror/commands';
import type { Anchor, AnchorStatus } from '../../shared/domain';
import { createRelocator } from '../../shared/anchor-relocate';
import type { EditorAnchorInput, TrackedAnchor } from './anchor-types';

export interface AnchorFieldValue {
  readonly anchors: readonly TrackedAnchor[];
  /**
   * Bumped when anything other than plain position mapping happened (status change, anchors added, removed,
   * restored). Decorations are only rebuilt then; otherwise they are mapped like the anchors.
   */
  readonly epoch: number;
}

/** The full set of anchors the app knows; existing anchors keep their mapped positions. */
export const syncAnchors = StateEffect.define<readonly EditorAnchorInput[]>();

interface RestoredRange {
  consultationId: string;
  from: number;
  to: number;
}

/** Gives lost anchors their range back; carried by the history so that undoing a deletion restores them. */
export const restoreAnchors = StateEffect.define<readonly RestoredRange[]>({
  map: (ranges, mapping) => {
    const mapped: RestoredRange[] = [];
    for (const r of ranges) {
      const from = mapping.mapPos(r.from, 1);
      const to = mapping.mapPos(r.to, -1);
      if (to > from) mapped.push({ consultationId: r.consultationId, from, to });
    }
    return mapped;
  },
});

export function statusOf(doc: Text, from: number, to: number, passageText: string): AnchorStatus {
  if (to <= from) return 'lost';
  return doc.sliceString(from, to) === passageText ? 'current' : 'edited';
}

/** Anchors for a document being opened: stored positions that no longer hold their passage are relocated. */
export function initialAnchors(doc: Text, inputs: readonly EditorAnchorInput[]): TrackedAnchor[] {
  let relocate: ReturnType<typeof createRelocator> | null = null;
  return inputs.map((input) => {
    const from = Math.min(Math.max(0, input.from), doc.length);
    const to = Math.min(Math.max(from, input.to), doc.length);
    const base = { consultationId: input.consultationId, passageText: input.passageText, citationNumbers: input.citationNumbers };
    if (to > from && doc.sliceString(from, to) === input.passageText) return { ...base, from, to, status: 'current' };
    relocate ??= createRelocator(doc.toString());
    const found = relocate(input.passageText, { from, to });
    return { ...base, from: found.from, to: found.to, status: found.status };
  });
}

function mapAnchor(a: TrackedAnchor, changes: ChangeDesc, doc: Text): { anchor: TrackedAnchor; structural: boolean } {
  if (a.status === 'lost') {
    const at = changes.mapPos(a.from, 1);
    return { anchor: at === a.from ? a : { ...a, from: at, to: at }, structural: false };
  }
  // Insertions at either edge stay outside the passage. TrackDel tells when the deletion crossed an edge: the
  // surviving part is kept (the passage was edited), and only a passage deleted whole is lost.
  const trackedFrom = changes.mapPos(a.from, 1, MapMode.TrackDel);
  const trackedTo = changes.mapPos(a.to, -1, MapMode.TrackDel);
  const from = trackedFrom ?? changes.mapPos(a.from, 1);
  const to = trackedTo ?? changes.mapPos(a.to, -1);
  const crossed = trackedFrom === null || trackedTo === null;
  if (to <= from) {
    const at = changes.mapPos(a.from, 1);
    return { anchor: { ...a, from: at, to: at, status: 'lost' }, structural: true };
  }
  const status = changes.touchesRange(a.from, a.to) ? statusOf(doc, from, to, a.passageText) : a.status;
  if (from === a.from && to === a.to && status === a.status) return { anchor: a, structural: false };
  return { anchor: { ...a, from, to, status }, structural: crossed || status !== a.status };
}

function mapAnchors(value: AnchorFieldValue, changes: ChangeDesc, doc: Text): AnchorFieldValue {
  let changed = false;
  let structural = false;
  const anchors = value.anchors.map((a) => {
    const mapped = mapAnchor(a, changes, doc);
    if (mapped.anchor !== a) changed = true;
    if (mapped.structural) structural = true;
    return mapped.anchor;
  });
  if (!changed) return value;
  return { anchors, epoch: structural ? value.epoch + 1 : value.epoch };
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

function applySync(value: AnchorFieldValue, inputs: readonly EditorAnchorInput[], doc: Text): AnchorFieldValue {
  const existing = new Map(value.anchors.map((a) => [a.consultationId, a]));
  const fresh = inputs.filter((i) => existing.get(i.consultationId)?.passageText !== i.passageText);
  const located = new Map(initialAnchors(doc, fresh).map((a) => [a.consultationId, a]));
  let changed = inputs.length !== value.anchors.length;
  const anchors = inputs.map((input, index) => {
    const found = located.get(input.consultationId);
    if (found) {
      changed = true;
      return found;
    }
    const old = existing.get(input.consultationId)!;
    if (value.anchors[index] !== old) changed = true;
    if (sameNumbers(old.citationNumbers, input.citationNumbers)) return old;
    changed = true;
    return { ...old, citationNumbers: input.citationNumbers };
  });
  return changed ? { anchors, epoch: value.epoch + 1 } : value;
}

function applyRestore(value: AnchorFieldValue, ranges: readonly RestoredRange[], doc: Text): AnchorFieldValue {
  const byId = new Map(ranges.map((r) => [r.consultationId, r]));
  let changed = false;
  const anchors = value.anchors.map((a) => {
    const r = byId.get(a.consultationId);
    if (!r || a.status !== 'lost' || r.to > doc.length) return a;
    changed = true;
    return { ...a, from: r.from, to: r.to, status: statusOf(doc, r.from, r.to, a.passageText) };
  });
  return changed ? { anchors, epoch: value.epoch + 1 } : value;
}

export const anchorField = StateField.define<AnchorFieldValue>({
  create: () => ({ anchors: [], epoch: 0 }),
  update(value, tr) {
    let next = tr.docChanged ? mapAnchors(value, tr.changes, tr.state.doc) : value;
    // Effects speak in positions of the new document, so they apply after the mapping.
    for (const effect of tr.effects) {
      if (effect.is(syncAnchors)) next = applySync(next, effect.value, tr.state.doc);
      else if (effect.is(restoreAnchors)) next = applyRestore(next, effect.value, tr.state.doc);
    }
    return next;
  },
});

/** What undo needs to give back the anchors this transaction lost (their ranges before it). */
const anchorHistory = invertedEffects.of((tr) => {
  const before = tr.startState.field(anchorField, false);
  const after = tr.state.field(anchorField, false);
  if (!before || !after || before === after || !tr.docChanged) return [];
  const was = new Map(before.anchors.map((a) => [a.consultationId, a]));
  const lost: RestoredRange[] = [];
  for (const a of after.anchors) {
    const old = was.get(a.consultationId);
    if (a.status === 'lost' && old && old.status !== 'lost') lost.push({ consultationId: a.consultationId, from: old.from, to: old.to });
  }
  return lost.length ? [restoreAnchors.of(lost)] : [];
});

/** The anchor state field with its undo support; initial anchors are relocated in the document. */
export function anchorExtension(doc: Text, inputs: readonly EditorAnchorInput[]): Extension {
  return [anchorField.init(() => ({ anchors: initialAnchors(doc, inputs), epoch: 0 })), anchorHistory];
}

export function trackedAnchors(state: EditorState): readonly TrackedAnchor[] {
  return state.field(anchorField, false)?.anchors ?? [];
}

export function domainAnchors(state: EditorState): Anchor[] {
  return trackedAnchors(state).map((a) => ({ consultationId: a.consultationId, from: a.from, to: a.to, status: a.status }));
}

/** The anchors whose range contains pos (edges included), the shortest first: the innermost of overlapping ones. */
export function anchorsAt(state: EditorState, pos: number, accept: (a: TrackedAnchor) => boolean = () => true): TrackedAnchor[] {
  return trackedAnchors(state)
    .filter((a) => a.status !== 'lost' && a.from <= pos && pos <= a.to && accept(a))
    .sort((x, y) => x.to - x.from - (y.to - y.from));
}
