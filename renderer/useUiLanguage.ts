import { useEffect } from 'react';
import type { UiLanguageChoice } from '../shared/domain';
import { resolveUiLanguage } from '../shared/i18n/ui-language';
import { i18n, systemLocales } from './i18n';

/**
 * Keeps the interface in the author's chosen language, or the system's when the choice is Automatic (following a
 * change of the browser's languages too). The change is immediate: every component re-renders through i18next.
 */
export function useUiLanguage(choice: UiLanguageChoice | undefined) {
  useEffect(() => {
    const apply = () => {
      const language = resolveUiLanguage(choice, systemLocales());
      if (i18n.language !== language) void i18n.changeLanguage(language);
    };
    apply();
    window.addEventListener('languagechange', apply);
    return () => window.removeEventListener('languagechange', apply);
  }, [choice]);
}
