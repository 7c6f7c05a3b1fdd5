// The desktop spellchecker, kept off the network. On Linux (and Windows where it falls back to Hunspell) Chromium
// would fetch Hunspell dictionaries from a Google server; the only traffic Ami sends is to the chosen model
// provider, so the download address points at Ami's own app:// origin, which serves no dictionary. Dictionaries
// already on the machine (Chromium's Dictionaries folder in the data folder) are used as they are; macOS uses the
// system's checker and never downloads.
import type { Language } from '../shared/domain.js';
import { APP_ORIGIN } from './window-config.js';

/** Where Chromium would look for `<code>.bdic` files: inside the app, never a network address. */
export const DICTIONARY_DOWNLOAD_URL = `${APP_ORIGIN}/dictionaries/`;

/** Chromium's spellchecker language codes for Ami's draft languages. */
export const SPELLCHECK_LANGUAGES: Record<Language, string> = { en: 'en-US', fr: 'fr' };

export interface SpellcheckSessionLike {
  setSpellCheckerDictionaryDownloadURL(url: string): void;
  setSpellCheckerLanguages(languages: string[]): void;
}

/** Sets the download address once, before any page asks for a dictionary; returns the per-draft language setter. */
export function configureSpellchecker(session: SpellcheckSessionLike, log: (line: string) => void = () => {}): (language: Language) => void {
  session.setSpellCheckerDictionaryDownloadURL(DICTIONARY_DOWNLOAD_URL);
  let current: string | null = null;
  return (language) => {
    const code = SPELLCHECK_LANGUAGES[language];
    if (code === current) return;
    try {
      // Throws for a language Chromium does not know; a no-op on macOS, where the system picks the language.
      session.setSpellCheckerLanguages([code]);
      current = code;
    } catch (err) {
      log(`spellchecker language ${code} not set: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}
