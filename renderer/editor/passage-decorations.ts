// Marks on the passages that consultations were about: a subtle mark for each, a stronger one for the active
// consultation, and a brief flash when the app reveals one.
import { StateEffect, StateField, type EditorState, type Range } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { anchorField } from './anchor-field';
import type { TrackedAnchor } from './anchor-types';

export const setActiveConsultation = StateEffect.define<string | null>();
export const flashConsultation = StateEffect.define<string | null>();

export const activeConsultationField = StateField.define<string | null>({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setActiveConsultation)) value = e.value;
    return value;
  },
});

export const flashField = StateField.define<string | null>({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(flashConsultation)) value = e.value;
    return value;
  },
});

export function citationTitle(numbers: readonly number[]): string | null {
  return numbers.length ? `Citation ${numbers.join(', ')}` : null;
}

/** A passage is marked once it has a citation, or while it is the active one (a reply may still be coming). */
export function isMarked(a: TrackedAnchor, activeId: string | null): boolean {
  return a.status !== 'lost' && a.to > a.from && (a.citationNumbers.length > 0 || a.consultationId === activeId);
}

export function passageClass(a: TrackedAnchor, activeId: string | null, flashId: string | null): string {
  let cls = 'cm-ami-passage';
  if (a.status === 'edited') cls += ' cm-ami-passage-edited';
  if (a.consultationId === activeId) cls += ' cm-ami-passage-active';
  if (a.consultationId === flashId) cls += ' cm-ami-passage-flash';
  return cls;
}

export function buildPassageDecorations(state: EditorState): DecorationSet {
  const anchors = state.field(anchorField, false)?.anchors ?? [];
  const activeId = state.field(activeConsultationField, false) ?? null;
  const flashId = state.field(flashField, false) ?? null;
  const ranges: Range<Decoration>[] = [];
  for (const a of anchors) {
    if (!isMarked(a, activeId)) continue;
    const title = citationTitle(a.citationNumbers);
    const attributes: Record<string, string> = { 'data-consultation': a.consultationId };
    if (title) attributes.title = title;
    ranges.push(Decoration.mark({ class: passageClass(a, activeId, flashId), attributes }).range(a.from, a.to));
  }
  return Decoration.set(ranges, true);
}

/**
 * Rebuilt only when the anchors changed in kind (see AnchorFieldValue.epoch) or the active/flashed passage
 * changed; while the author types, the marks are mapped through the changes like the anchors themselves.
 */
export const passageDecorations = StateField.define<DecorationSet>({
  create: buildPassageDecorations,
  update(deco, tr) {
    const anchorsBefore = tr.startState.field(anchorField, false);
    const anchorsAfter = tr.state.field(anchorField, false);
    const rebuild =
      anchorsBefore?.epoch !== anchorsAfter?.epoch ||
      tr.startState.field(activeConsultationField, false) !== tr.state.field(activeConsultationField, false) ||
      tr.startState.field(flashField, false) !== tr.state.field(flashField, false);
    if (rebuild) return buildPassageDecorations(tr.state);
    return tr.docChanged ? deco.map(tr.changes) : deco;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export const passageMarks = [activeConsultationField, flashField, passageDecorations];
