// The renderer's translator. It starts in the browser's (or the OS's, in Electron) language so the first paint is
// already right; App switches it to the author's choice from Settings once that is read.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../shared/domain';
import { i18nOptions } from '../shared/i18n/create-i18n';
import { languageFromLocales } from '../shared/i18n/ui-language';

export const systemLocales = (): readonly string[] =>
  typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language ?? 'en'];

export const i18n = i18next.createInstance();
i18n.use(initReactI18next);
void i18n.init(i18nOptions(languageFromLocales(systemLocales())));

const setHtmlLang = (language: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
};
setHtmlLang(i18n.language);
i18n.on('languageChanged', setHtmlLang);

/** The language the interface speaks now (what dates and numbers are formatted for). */
export const uiLanguage = (): Language => (i18n.language === 'fr' ? 'fr' : 'en');
export const t = i18n.t.bind(i18n);
