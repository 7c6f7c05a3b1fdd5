// One i18next setup for both sides: the renderer adds react-i18next to it, main uses it for menus and dialogs.
import i18next, { type i18n, type InitOptions } from 'i18next';
import type { Language } from '../domain.js';
import { CATALOGUES } from './catalogues.js';

export function i18nOptions(language: Language): InitOptions {
  return {
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'fr'],
    resources: { en: { translation: CATALOGUES.en }, fr: { translation: CATALOGUES.fr } },
    // Catalogues are in memory: init and language changes finish before they return.
    initAsync: false,
    // React escapes what it renders and native dialogs show plain text: escaping here would show &amp; and &lt;.
    interpolation: { escapeValue: false },
    returnNull: false,
  };
}

/** A ready translator (i18next instance) for one language. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init(i18nOptions(language));
  return instance;
}
