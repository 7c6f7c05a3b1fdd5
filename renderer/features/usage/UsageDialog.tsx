import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmiError, UsageRow } from '../../../shared/domain';
import { usageCsv } from '../../../shared/usage-csv';
import { seriesByModel, usageReport, type FootprintOf, type Range } from '../../../shared/usage-report';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ModalDialog } from '../../components/ModalDialog';
import { formatCost, formatNumber } from '../../components/format';
import { uiLanguage } from '../../i18n';
import { downloadFile } from '../export/download';
import { StackedBars } from './StackedBars';

interface Props {
  onClose: () => void;
  /** Energy and CO2e of a reply; until one is given, those columns say "—". */
  footprintOf?: FootprintOf;
}

/** "2026-12" as the interface language names a month; the month is UTC, like the figures. */
function monthName(month: string): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? month : new Intl.DateTimeFormat(uiLanguage(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

const range = (r: Range | undefined) => (r ? `${formatNumber(r[0])}–${formatNumber(r[1])}` : '—');

/** What the stored replies used and cost, per month and per model, with plots, a table and its CSV. */
export function UsageDialog({ onClose, footprintOf }: Props) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<UsageRow[] | null>(null);
  const [error, setError] = useState<AmiError | null>(null);

  useEffect(() => {
    let alive = true;
    void ami['usage:summary']({}).then((result) => {
      if (!alive) return;
      if (result.ok) setRows(result.value);
      else setError(result.error);
    });
    return () => {
      alive = false;
    };
  }, []);

  const report = useMemo(() => (rows ? usageReport(rows, footprintOf) : null), [rows, footprintOf]);
  const months = useMemo(() => report?.months.map(monthName) ?? [], [report]);
  const costSeries = useMemo(() => (report ? seriesByModel(report, (l) => l.cost ?? 0).map((s) => ({ label: s.model, values: s.values })) : []), [report]);
  const tokenSeries = useMemo(() => {
    if (!report) return [];
    const per = (pick: (r: UsageRow) => number) => report.months.map((m) => report.lines.filter((l) => l.month === m).reduce((s, l) => s + pick(l), 0));
    return [
      { label: t('usage.promptTokens'), values: per((l) => l.promptTokens) },
      { label: t('usage.completionTokens'), values: per((l) => l.completionTokens) },
    ];
  }, [report, t]);

  const download = () => {
    if (!report) return;
    downloadFile({ filename: 'ami-usage.csv', mime: 'text/csv;charset=utf-8', content: usageCsv(report) });
  };

  return (
    <ModalDialog title={t('usage.title')} onClose={onClose} className="usage-dialog">
      {error && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      {!report && !error && <p className="muted">{t('common.loading')}</p>}
      {report && report.lines.length === 0 && <p className="muted">{t('usage.empty')}</p>}
      {report && report.lines.length > 0 && (
        <>
          <p className="muted small">{t('usage.intro')}</p>
          <div className="usage-plots">
            <figure>
              <figcaption>{t('usage.costPlot')}</figcaption>
              <StackedBars label={t('usage.costPlot')} categories={months} series={costSeries} format={formatCost} />
            </figure>
            <figure>
              <figcaption>{t('usage.tokensPlot')}</figcaption>
              <StackedBars label={t('usage.tokensPlot')} categories={months} series={tokenSeries} format={formatNumber} />
            </figure>
          </div>
          <div className="usage-table-box">
            <table className="usage-table">
              <caption>{t('usage.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('usage.month')}</th>
                  <th scope="col">{t('usage.model')}</th>
                  <th scope="col">{t('usage.citations')}</th>
                  <th scope="col">{t('usage.failedRequests')}</th>
                  <th scope="col">{t('usage.promptTokens')}</th>
                  <th scope="col">{t('usage.completionTokens')}</th>
                  <th scope="col">{t('usage.cost')}</th>
                  <th scope="col">{t('usage.energy')}</th>
                  <th scope="col">{t('usage.co2e')}</th>
                </tr>
              </thead>
              <tbody>
                {report.lines.map((l) => (
                  <tr key={`${l.month} ${l.model}`}>
                    <td>
                      <time dateTime={l.month}>{monthName(l.month)}</time>
                    </td>
                    <td>
                      <code className="model-id">{l.model}</code>
                    </td>
                    <td>{formatNumber(l.citations)}</td>
                    <td>{formatNumber(l.failedRequests)}</td>
                    <td>{formatNumber(l.promptTokens)}</td>
                    <td>{formatNumber(l.completionTokens)}</td>
                    <td>
                      {formatCost(l.cost)}
                      {l.cost !== null && l.costUnknown > 0 && <span className="muted small"> {t('usage.costUnknownPart', { count: l.costUnknown })}</span>}
                    </td>
                    <td>{range(l.footprint?.wh)}</td>
                    <td>{range(l.footprint?.gco2e)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="dialog-actions">
        {report && report.lines.length > 0 && (
          <button type="button" onClick={download} title={t('usage.downloadTitle')}>
            {t('usage.download')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
