// The "Request" choices: the five built-in kinds, then the author's own templates. A built-in kind lets main pick
// the (possibly edited) built-in template in the draft's language; a custom entry names its template.
import { REQUEST_KINDS, type RequestKind, type Template } from '../../../shared/domain';
import { requestName } from '../../../shared/request-names';
import { uiLanguage } from '../../i18n';

export interface RequestOption {
  value: string;
  label: string;
  kind: RequestKind;
  templateId?: string;
}

export function requestOptions(templates: Template[]): RequestOption[] {
  const builtin: RequestOption[] = REQUEST_KINDS.map((kind) => ({ value: `kind:${kind}`, label: kindLabel(kind), kind }));
  const custom = templates
    .filter((t) => !t.builtin)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((t): RequestOption => ({ value: `template:${t.id}`, label: t.name, kind: t.kind, templateId: t.id }));
  return [...builtin, ...custom];
}

/** The name of a request kind in the interface language, the same as the menu, the preview and the citations show. */
export function kindLabel(kind: RequestKind): string {
  return requestName(kind, uiLanguage());
}
