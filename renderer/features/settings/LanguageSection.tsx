import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGE_CHOICES, type AmiError, type Settings, type UiLanguageChoice } from '../../../shared/domain';
import { resolveUiLanguage } from '../../../shared/i18n/ui-language';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { i18n, systemLocales } from '../../i18n';

interface Props {
  settings: Settings;
  onSettings: (settings: Settings) => void;
}

/** The interface language: applied at once, stored in the settings, and told to main so its menu follows. */
export function LanguageSection({ settings, onSettings }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<AmiError | null>(null);

  const choose = async (choice: UiLanguageChoice) => {
    setError(null);
    // The interface changes before the round trip: the choice is the author's, the store only remembers it.
    void i18n.changeLanguage(resolveUiLanguage(choice, systemLocales()));
    const result = await ami['settings:update']({ uiLanguage: choice });
    if (result.ok) onSettings(result.value);
    else setError(result.error);
  };

  return (
    <fieldset>
      <legend>{t('settings.language.legend')}</legend>
      <div className="field">
        <label htmlFor="settings-language">{t('settings.language.label')}</label>
        <select id="settings-language" value={settings.uiLanguage} onChange={(e) => void choose(e.target.value as UiLanguageChoice)}>
          {UI_LANGUAGE_CHOICES.map((choice) => (
            <option key={choice} value={choice} lang={choice === 'auto' ? undefined : choice}>
              {t(`languages.${choice}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="muted small">{t('settings.language.hint')}</p>
      {error && <ErrorNotice error={error} />}
    </fieldset>
  );
}
