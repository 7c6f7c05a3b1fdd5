import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../shared/domain';
import { replyFootprint, WORLD_GRID_INTENSITY } from '../../../shared/footprint';
import { formatAmount } from './money-format';

export interface FootprintSettings {
  gridIntensity: number;
  localPowerW: number | null;
}

/** One small line on a citation: the reply's energy and emissions as a range, and what that figure is and is not. */
export function FootprintLine({ reply, settings }: { reply: Reply; settings: FootprintSettings | null }) {
  const { t } = useTranslation();
  const grid = settings?.gridIntensity ?? WORLD_GRID_INTENSITY;
  const local = reply.usage.costSource === 'local';
  const footprint = replyFootprint({
    model: reply.servedModel,
    outputTokens: reply.usage.completionTokens,
    local,
    latencyMs: reply.latencyMs,
    localPowerW: settings?.localPowerW ?? null,
    gridIntensity: grid,
  });
  const summary =
    footprint.kind === 'estimate'
      ? t('footprint.line', {
          energyLow: formatAmount(footprint.energyWh.low),
          energyHigh: formatAmount(footprint.energyWh.high),
          co2Low: formatAmount(footprint.co2eG.low),
          co2High: formatAmount(footprint.co2eG.high),
        })
      : footprint.reason === 'no_local_power'
        ? t('footprint.unknownLocalPower')
        : t('footprint.unknown');
  return (
    <details className="footprint small">
      <summary>
        <span className="muted">{summary}</span> <span className="footprint-what">{t('footprint.what')}</span>
      </summary>
      <p className="muted small">
        {local ? t('footprint.explainLocal', { grid }) : t('footprint.explainRemote', { grid })}
        {footprint.kind === 'estimate' && footprint.sizeSource === 'unknown' && <> {t('footprint.explainSizeUnknown')}</>}
        {footprint.kind === 'estimate' && footprint.sizeSource === 'table' && footprint.energyWh.high / footprint.energyWh.low > 1.5 && <> {t('footprint.explainSizeGuessed')}</>}{' '}
        {t('footprint.explainNot')}
      </p>
    </details>
  );
}
