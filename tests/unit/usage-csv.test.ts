import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { UsageRow } from '../../shared/domain.js';
import { csvField, USAGE_CSV_COLUMNS, usageCsv } from '../../shared/usage-csv.js';
import { seriesByModel, usageReport } from '../../shared/usage-report.js';
import { parseCsv } from '../support/parse-csv.js';

const row = (patch: Partial<UsageRow>): UsageRow => ({
  month: '2026-05', model: 'a/m', citations: 1, failedRequests: 0, promptTokens: 10, completionTokens: 2, cost: 0.5, costUnknown: 0, ...patch,
});

describe('usage CSV', () => {
  it('has a header and one record per month × model, with the numbers unformatted and unknowns empty', () => {
    const report = usageReport([
      row({ month: '2026-04', model: 'b/m', promptTokens: 1234567, completionTokens: 89, cost: 0.000123456789 }),
      row({ month: '2026-05', model: 'a/m', cost: null, costUnknown: 2, citations: 0, failedRequests: 2 }),
    ]);
    const records = parseCsv(usageCsv(report));
    expect(records[0]).toEqual([...USAGE_CSV_COLUMNS]);
    expect(records.slice(1)).toEqual([
      ['2026-04', 'b/m', '1', '0', '1234567', '89', '0.000123456789', '0', '', '', '', ''],
      ['2026-05', 'a/m', '0', '2', '10', '2', '', '2', '', '', '', ''],
    ]);
  });

  it('writes the footprint ranges when an estimate is given, and leaves them empty for a model it does not know', () => {
    const footprintOf = (r: { servedModel: string | null; usage: { promptTokens: number | null } }) =>
      r.servedModel === 'a/m' ? { wh: [r.usage.promptTokens! * 0.5, r.usage.promptTokens! * 2] as [number, number], gco2e: [0.25, 1.5] as [number, number] } : null;
    const records = parseCsv(usageCsv(usageReport([row({ model: 'a/m' }), row({ model: 'z/unknown' })], footprintOf)));
    expect(records[1]!.slice(-4)).toEqual(['5', '20', '0.25', '1.5']);
    expect(records[2]!.slice(-4)).toEqual(['', '', '', '']);
  });

  it('quotes model ids as RFC 4180 says: any text, even hostile, reads back the same', () => {
    expect(csvField('a,"b"\r\nc')).toBe('"a,""b""\r\nc"');
    expect(csvField('plain/model')).toBe('plain/model');
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), (models) => {
        const rows = [...new Set(models)].map((model) => row({ model }));
        const records = parseCsv(usageCsv(usageReport(rows)));
        expect(records.slice(1).map((r) => r[1])).toEqual(rows.map((r) => r.model));
        for (const r of records) expect(r).toHaveLength(USAGE_CSV_COLUMNS.length);
      }),
    );
  });
});

describe('usage report', () => {
  it('totals the rows, counting unknown costs apart, and gives each model a value for every month', () => {
    const report = usageReport([
      row({ month: '2026-04', model: 'a/m', cost: 0.25 }),
      row({ month: '2026-05', model: 'a/m', cost: null, costUnknown: 1 }),
      row({ month: '2026-05', model: 'b/m', cost: 0.5, citations: 3 }),
    ]);
    expect(report.months).toEqual(['2026-04', '2026-05']);
    expect(report.models).toEqual(['a/m', 'b/m']);
    expect(report.total).toEqual({ citations: 5, failedRequests: 0, promptTokens: 30, completionTokens: 6, cost: 0.75, costUnknown: 1 });
    expect(seriesByModel(report, (l) => l.cost ?? 0)).toEqual([
      { model: 'a/m', values: [0.25, 0] },
      { model: 'b/m', values: [0, 0.5] },
    ]);
    expect(report.lines.every((l) => l.footprint === null)).toBe(true);
  });
});
