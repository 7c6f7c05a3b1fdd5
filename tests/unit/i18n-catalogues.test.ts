// The French catalogue says everything the English one says, with the same interpolated values, in French
// typography; and the interface language follows the system or the author's choice.
import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en';
import { fr } from '../../shared/i18n/fr';
import { createI18n } from '../../shared/i18n/create-i18n';
import { languageFromLocales, resolveUiLanguage } from '../../shared/i18n/ui-language';
import { consultationRequestName, kindName, requestName } from '../../shared/request-names';
import { BUILTIN_TEMPLATES } from '../../seeds/templates';
import { REQUEST_KINDS } from '../../shared/domain';

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(value as object)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
const variables = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  const enKeys = flatten(en);
  const frKeys = flatten(fr);

  it('have the same keys', () => {
    expect([...frKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it('have the same interpolation variables for each key', () => {
    const differ = [...enKeys].filter(([k, v]) => JSON.stringify(variables(v)) !== JSON.stringify(variables(frKeys.get(k) ?? '')));
    expect(differ.map(([k]) => k)).toEqual([]);
  });

  it('write French with French typography', () => {
    const bad = [...frKeys].filter(([, v]) => / [:;?!»]|« |(?<=\p{L})'(?=\p{L})/u.test(v));
    expect(bad.map(([k]) => k)).toEqual([]);
    expect(fr.ask.questionPlaceholderRequired).toBe('Que voulez-vous savoir sur ce passage\u202f?');
    expect(fr.drafts.noMatch).toBe('Rien ne correspond à «\u00a0{{query}}\u00a0».');
  });

  it('translate with plurals and numbers in each language', () => {
    const enT = createI18n('en').t;
    const frT = createI18n('fr').t;
    expect(enT('drafts.citations', { count: 1 })).toBe('1 citation');
    expect(enT('drafts.citations', { count: 3 })).toBe('3 citations');
    expect(frT('settings.archive.imported', { count: 0 })).toBe('0 brouillon importé.');
    expect(frT('settings.archive.imported', { count: 2 })).toBe('2 brouillons importés.');
    expect(enT('common.characters', { count: 12345 })).toBe('12,345 characters');
    expect(frT('common.characters', { count: 12345 })).toBe('12\u202f345 caractères');
  });
});

describe('interface language', () => {
  it('is French for any fr-* system language and English otherwise', () => {
    expect(languageFromLocales(['fr-CA', 'en'])).toBe('fr');
    expect(languageFromLocales(['fr'])).toBe('fr');
    expect(languageFromLocales(['de-DE', 'fr-FR'])).toBe('fr');
    expect(languageFromLocales(['en-GB', 'fr-FR'])).toBe('en');
    expect(languageFromLocales(['de-DE'])).toBe('en');
    expect(languageFromLocales([])).toBe('en');
  });

  it('follows the author’s choice over the system', () => {
    expect(resolveUiLanguage('en', ['fr-FR'])).toBe('en');
    expect(resolveUiLanguage('fr', ['en-US'])).toBe('fr');
    expect(resolveUiLanguage('auto', ['fr-FR'])).toBe('fr');
    expect(resolveUiLanguage(undefined, ['en-US'])).toBe('en');
  });
});

describe('request names', () => {
  it('are the same for the menu, the built-in templates and the exports', () => {
    for (const kind of REQUEST_KINDS) {
      for (const language of ['en', 'fr'] as const) {
        const template = BUILTIN_TEMPLATES.find((t) => t.kind === kind && t.language === language)!;
        expect(template.name).toBe(requestName(kind, language));
        expect(kindName(kind, language)).toBe(requestName(kind, language).toLocaleLowerCase(language));
        // A consultation made with a built-in template is named in the language it is shown in, not the draft's.
        const other = language === 'en' ? 'fr' : 'en';
        expect(consultationRequestName({ kind, templateId: template.id, templateName: template.name }, other)).toBe(requestName(kind, other));
      }
    }
    expect(consultationRequestName({ kind: 'clarity', templateId: 'abc', templateName: 'Poems' }, 'fr')).toBe('Poems');
  });
});
