import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmiError, Settings } from '../../../shared/domain';
import { WORLD_GRID_INTENSITY } from '../../../shared/footprint';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';

interface Props {
  settings: Settings;
  onSettings: (settings: Settings) => void;
}

const number = (text: string): number | null => {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? null : Number(trimmed);
};

/** The figures the footprint estimates depend on: the grid's carbon intensity and a local machine's power. */
export function FootprintSection({ settings, onSettings }: Props) {
  const { t } = useTranslation();
  const [grid, setGrid] = useState(String(settings.gridIntensity));
  const [power, setPower] = useState(settings.localPowerW === null ? '' : String(settings.localPowerW));
  const [error, setError] = useState<AmiError | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    setGrid(String(settings.gridIntensity));
    setPower(settings.localPowerW === null ? '' : String(settings.localPowerW));
  }, [settings]);

  const save = async () => {
    setError(null);
    setSaved(false);
    const result = await ami['settings:update']({ gridIntensity: number(grid) ?? WORLD_GRID_INTENSITY, localPowerW: number(power) });
    if (result.ok) {
      onSettings(result.value);
      setSaved(true);
    } else setError(result.error);
  };

  return (
    <fieldset>
      <legend>{t('footprint.settingsLegend')}</legend>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor="settings-grid">{t('footprint.grid')}</label>
          <input id="settings-grid" type="text" inputMode="decimal" value={grid} onChange={(e) => setGrid(e.target.value)} />
        </div>
        <p className="muted small">{t('footprint.gridExplain', { grid: WORLD_GRID_INTENSITY })}</p>
        <div className="field">
          <label htmlFor="settings-local-power">{t('footprint.localPower')}</label>
          <input id="settings-local-power" type="text" inputMode="decimal" placeholder={t('footprint.localPowerPlaceholder')} value={power} onChange={(e) => setPower(e.target.value)} />
        </div>
        <p className="muted small">{t('footprint.localPowerExplain')}</p>
        <button type="submit">{t('common.save')}</button>
        {saved && <span className="muted small"> {t('money.saved')}</span>}
      </form>
      {error && <ErrorNotice error={error} />}
    </fieldset>
  );
}
