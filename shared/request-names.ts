// One name per request, per language, wherever it appears: the Request menu, the preview, the citation card, the
// built-in templates' names and the exports. A built-in request is named by its kind; an author's own template by
// the name the author gave it.
import type { Consultation, Language, RequestKind } from './domain.js';
import { CATALOGUES } from './i18n/catalogues.js';

export function requestName(kind: RequestKind, language: Language): string {
  return CATALOGUES[language].requests[kind];
}

/** The kind's name inside a sentence ("clarity 2, proofreading 1"). */
export function kindName(kind: RequestKind, language: Language): string {
  return requestName(kind, language).toLocaleLowerCase(language);
}

/** Built-in templates are seeded with ids of this form (seeds/templates.ts). */
export function isBuiltinTemplateId(id: string | null | undefined): boolean {
  return !id || id.startsWith('builtin-');
}

/** What a consultation asked, by name: the kind's name for a built-in request, else the author's template name. */
export function consultationRequestName(c: Pick<Consultation, 'kind' | 'templateId' | 'templateName'>, language: Language): string {
  const own = c.templateName.replace(/\s+/g, ' ').trim();
  if (c.kind !== 'custom' && isBuiltinTemplateId(c.templateId)) return requestName(c.kind, language);
  return own || requestName(c.kind, language);
}
