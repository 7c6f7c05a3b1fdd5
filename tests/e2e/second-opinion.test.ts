// End to end in Chromium against browser mode: one question asked of three models at once, one of them cancelled
// while the others stream; the other two complete as separate citations with their served models, the side-by-side
// view shows them, and the Usage dialog reads this month's cost, draws its plots and downloads its table as CSV.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { amiSuite, callFromPage, newDraftWith } from '../support/ami-page.js';
import { servedModelFor, type FakeOpenRouter } from '../support/fake-openrouter.js';
import { parseCsv } from '../support/parse-csv.js';

const KEY = 'sk-or-v1-e2e-second-opinion-key-0123';
const PARAGRAPH = 'Un paragraphe sur lequel on veut trois avis. Il est court et dit une seule chose.';
const MODELS = ['anthropic/claude-sonnet-4.5', 'openai/gpt-5-mini', 'mistralai/mistral-small-3.2-24b-instruct:free'];
const REPLY = 'Un avis qui arrive lentement, assez pour qu’une des trois demandes soit annulée pendant que les autres continuent. '.repeat(3);

const suite = amiSuite({ key: KEY, prefix: 'ami-e2e-opinion-' });
let fake: FakeOpenRouter;
let page: Page;
beforeEach(() => {
  fake = suite.fake;
  page = suite.app.page;
});

const liveLine = (model: string) => page.locator('.live-reply').filter({ has: page.locator('code', { hasText: model }) });

describe('a second opinion', () => {
  it('asks three models at once, cancels one, compares the other two and reads their cost on the Usage page', async () => {
    fake.enqueue(...MODELS.map(() => ({ text: REPLY, chunkSize: 6, chunkDelayMs: 50 })));
    await newDraftWith(page, PARAGRAPH, 'Trois avis');
    await page.getByRole('textbox', { name: 'Draft' }).click();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.getByRole('combobox', { name: 'Request' }).selectOption({ label: 'Clarity' });
    // Each id is typed into its picker and kept by leaving the field with Tab (an id typed in full is kept as is).
    await page.getByLabel('Model', { exact: true }).fill(MODELS[0]!);
    await page.keyboard.press('Tab');
    for (const [i, model] of MODELS.slice(1).entries()) {
      await page.getByRole('button', { name: 'Also ask…' }).click();
      await page.getByLabel(`Model ${i + 2}`, { exact: true }).fill(model);
      await page.keyboard.press('Tab');
    }
    await page.getByRole('button', { name: 'Ask', exact: true }).click();

    // The three stream at once; the second is cancelled while all are still arriving.
    for (const model of MODELS) await expect.poll(() => liveLine(model).textContent(), { timeout: 20_000 }).toMatch(/Receiving the reply/);
    await page.getByRole('button', { name: `Cancel ${MODELS[1]}` }).click();
    for (const model of [MODELS[0]!, MODELS[2]!]) await expect.poll(() => liveLine(model).textContent(), { timeout: 30_000 }).toMatch(/Complete: kept as citation/);
    await expect.poll(() => liveLine(MODELS[1]!).textContent()).not.toMatch(/Complete|Receiving|Waiting/);

    // Three consultations in one group, as the store has them: two complete with their served models, one cut.
    const draft = (await callFromPage(page, suite.app.ami.token, 'drafts:list', {})).value.find((d: { title: string }) => d.title === 'Trois avis');
    const stored = (await callFromPage(page, suite.app.ami.token, 'citations:list', { draftId: draft.id })).value as any[];
    expect(stored).toHaveLength(3);
    expect(new Set(stored.map((c) => c.consultation.opinionGroup)).size).toBe(1);
    const of = (model: string) => stored.find((c) => c.consultation.route.requestedModel === model)!;
    for (const model of [MODELS[0]!, MODELS[2]!]) expect(of(model).reply).toMatchObject({ status: 'complete', text: REPLY, servedModel: servedModelFor(model) });
    expect(of(MODELS[1]!).reply).toMatchObject({ status: 'interrupted', error: { kind: 'cancelled' } });
    for (const model of [MODELS[0]!, MODELS[2]!]) {
      await expect.poll(() => page.getByRole('region', { name: 'Citations' }).getByRole('article', { name: `Citation ${of(model).reply.citationNumber}` }).textContent()).toContain(servedModelFor(model));
    }

    // The side-by-side view, from the first model's citation: one column per model, the two replies in full.
    await page.getByRole('button', { name: 'Compare with 2 other models' }).first().click();
    const compare = page.getByRole('dialog', { name: 'Side by side' });
    await compare.waitFor();
    for (const model of [MODELS[0]!, MODELS[2]!]) {
      const column = compare.getByRole('region', { name: `Reply of ${servedModelFor(model)}` });
      await expect.poll(() => column.textContent()).toContain(REPLY.trim());
      await expect.poll(() => column.textContent()).toContain('Complete');
    }
    expect(await compare.getByRole('region', { name: /^Reply of / }).count()).toBe(3);
    expect(await compare.locator('.opinion-column.status-interrupted').count()).toBe(1);
    await compare.getByRole('button', { name: 'Close' }).click();

    // The Usage page: this month's rows, a drawn plot, and a CSV of exactly the table's figures.
    await page.getByRole('button', { name: 'Usage', exact: true }).click();
    const usage = page.getByRole('dialog', { name: 'Usage' });
    const month = new Date().toISOString().slice(0, 7);
    const rows = usage.locator('tbody tr').filter({ has: page.locator(`time[datetime="${month}"]`) });
    await expect.poll(() => rows.count()).toBe(3);
    const canvas = usage.locator('.usage-plot canvas').first();
    await canvas.waitFor();
    const size = await canvas.evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height, box: c.getBoundingClientRect().width }));
    expect(size.w).toBeGreaterThan(100);
    expect(size.h).toBeGreaterThan(100);
    expect(size.box).toBeGreaterThan(100);

    const table = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const download = page.waitForEvent('download');
    await usage.getByRole('button', { name: 'Download CSV' }).click();
    const csv = parseCsv(readFileSync((await (await download).path())!, 'utf8'));
    expect(csv[0]).toEqual(['month', 'model', 'citations', 'failed_requests', 'prompt_tokens', 'completion_tokens', 'cost_usd', 'replies_without_cost', 'energy_wh_low', 'energy_wh_high', 'co2e_g_low', 'co2e_g_high']);
    const records = csv.slice(1).filter((r) => r[0] === month);
    expect(records).toHaveLength(table.length);
    const digits = (s: string) => Number(s.replace(/[^0-9]/g, ''));
    let monthCost = 0;
    table.forEach((cells, i) => {
      const r = records[i]!;
      expect(cells[1]).toBe(r[1]);
      expect([digits(cells[2]!), digits(cells[3]!), digits(cells[4]!), digits(cells[5]!)]).toEqual([Number(r[2]), Number(r[3]), Number(r[4]), Number(r[5])]);
      if (r[6] === '') expect(cells[6]).toBe('cost unknown');
      else {
        // The table rounds for reading; the CSV keeps the stored figure. They must agree to the table's last digit.
        const shown = /([\d.]+)/.exec(cells[6]!)![1]!;
        const decimals = shown.split('.')[1]?.length ?? 0;
        expect(Math.abs(Number(shown) - Number(r[6]))).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
        monthCost += Number(r[6]);
      }
      // Energy and CO2e: a range on screen, its exact bounds in the CSV, low below high.
      for (const [cell, low, high] of [
        [cells[7]!, r[8]!, r[9]!],
        [cells[8]!, r[10]!, r[11]!],
      ] as const) {
        // A row without output tokens (the cancelled reply said none) has no estimate, and says so.
        if (low === '') {
          expect([cell, high]).toEqual(['—', '']);
          continue;
        }
        const [shownLow, shownHigh] = cell.split('–').map((v) => Number(v.replace(/[^\d.]/g, '')));
        expect(Number(low)).toBeGreaterThan(0);
        expect(Number(low)).toBeLessThan(Number(high));
        // The table shows at most three decimals.
        expect(Math.abs(shownLow! - Number(low))).toBeLessThanOrEqual(0.0005 + 1e-12);
        expect(Math.abs(shownHigh! - Number(high))).toBeLessThanOrEqual(0.0005 + 1e-12);
      }
    });
    // The two complete replies have a footprint estimate; only the cancelled one goes without.
    expect(records.filter((r) => r[8] !== '')).toHaveLength(2);
    // This month's cost is what the replies said they cost, the cancelled one (which said nothing) apart.
    const replyCost = stored.reduce((s, c) => s + (c.reply.usage.cost ?? 0), 0);
    expect(replyCost).toBeGreaterThan(0);
    expect(Math.abs(monthCost - replyCost)).toBeLessThan(1e-12);
    expect(records.find((r) => r[1] === servedModelFor(MODELS[0]!))![2]).toBe('1');
  }, 120_000);
});
