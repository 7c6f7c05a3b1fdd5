// The "Request" choices: the five built-in kinds, then the author's own templates. A built-in kind lets main pick
// the (possibly edited) built-in template in the draft's language; a custom entry names its template.
import { REQUEST_KINDS, type BuiltinKind, type RequestKind, type Template } from '../../../shared/domain';

export const KIND_LABELS: Record<BuiltinKind, string> = {
  clarity: 'Clarity',
  suggestions: 'Suggestions',
  proofread: 'Proofread',
  question: 'Question',
  explore: 'Explore',
};

export interface RequestOption {
  value: string;
  label: string;
  kind: RequestKind;
  templateId?: string;
}

export function requestOptions(templates: Template[]): RequestOption[] {
  const builtin: RequestOption[] = REQUEST_KINDS.map((kind) => ({ value: `kind:${kind}`, label: KIND_LABELS[kind], kind }));
  const custom = templates
    .filter((t) => !t.builtin)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((t): RequestOption => ({ value: `template:${t.id}`, label: t.name, kind: t.kind, templateId: t.id }));
  return [...builtin, ...custom];
}

export function kindLabel(kind: RequestKind): string {
  return kind === 'custom' ? 'Custom' : KIND_LABELS[kind];
}
