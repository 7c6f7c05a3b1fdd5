// Which language Ami's own interface speaks: the author's choice in Settings, or the system's.
import type { Language, UiLanguageChoice } from '../domain.js';

/** French for the first listed language that is French or English when it is French (fr, fr-CA…); English otherwise. */
export function languageFromLocales(locales: readonly string[]): Language {
  for (const locale of locales) {
    const primary = locale.toLowerCase().split(/[-_]/)[0];
    if (primary === 'fr') return 'fr';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

export function resolveUiLanguage(choice: UiLanguageChoice | undefined, systemLocales: readonly string[]): Language {
  return choice === 'en' || choice === 'fr' ? choice : languageFromLocales(systemLocales);
}
