// Money and footprint in Chromium against browser mode and the fake OpenRouter: the estimate is there before asking,
// a budget of 0 with the hard stop refuses clearly with the draft and the question intact and nothing sent, and a
// citation carries its footprint line with what the figure is and is not.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { amiSuite, askAboutFirstParagraph, citation, newDraftWith } from '../support/ami-page.js';
import type { FakeOpenRouter } from '../support/fake-openrouter.js';

const KEY = 'sk-or-v1-e2e-money-key-0123456789';
const PARAGRAPH = 'Un paragraphe écrit seul, dont on voudrait savoir combien coûte la question avant de la poser.';

const suite = amiSuite({ key: KEY, prefix: 'ami-e2e-money-' });
let fake: FakeOpenRouter;
let page: Page;
beforeEach(() => {
  fake = suite.fake;
  page = suite.app.page;
});

const chatRequests = () => fake.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
const askPanel = () => page.getByRole('region', { name: 'Ask' });

describe('money and footprint in the interface', () => {
  it('shows the estimate before asking, and in the preview', async () => {
    await newDraftWith(page, PARAGRAPH);
    await page.getByRole('textbox', { name: 'Draft' }).click();
    await page.keyboard.press('ControlOrMeta+Home');
    // The default model is priced by the fake (USD per token): a range in dollars, before anything is sent.
    await expect.poll(() => askPanel().textContent(), { timeout: 15_000 }).toMatch(/Estimated cost: ≈ \$[\d.]+–\$[\d.]+/);
    expect(chatRequests()).toBe(0);
    await page.locator('details.preview > summary').click();
    const preview = page.locator('.preview-facts');
    await expect.poll(() => preview.textContent(), { timeout: 15_000 }).toContain('An estimate: about');
    expect(await preview.textContent()).toMatch(/≈ \$[\d.]+–\$[\d.]+/);
  });

  it('with a budget of 0 and the hard stop, refuses clearly: nothing sent, draft and question intact', async () => {
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('textbox', { name: 'Monthly budget (USD, as OpenRouter bills)' }).fill('0');
    await page.getByRole('checkbox', { name: /Hard stop/ }).check();
    const budget = page.getByRole('group', { name: 'Budget' });
    await budget.getByRole('button', { name: 'Save' }).click();
    await budget.getByText('Saved.').waitFor();
    expect(await budget.textContent()).toContain('A budget of 0 means “send nothing that costs”');
    await page.getByRole('button', { name: 'Close', exact: true }).click();

    await newDraftWith(page, PARAGRAPH);
    await page.getByRole('textbox', { name: 'Question' }).fill('Combien cela coûte-t-il ?');
    const before = chatRequests();
    await askAboutFirstParagraph(page, 'Clarity');
    const alert = askPanel().getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain('Nothing was sent');
    expect(await alert.textContent()).toContain('sends nothing that costs');
    expect(chatRequests()).toBe(before);
    expect(await page.getByRole('textbox', { name: 'Draft' }).textContent()).toBe(PARAGRAPH);
    expect(await page.getByRole('textbox', { name: 'Question' }).inputValue()).toBe('Combien cela coûte-t-il ?');
    expect(await page.getByRole('region', { name: 'Citations' }).getByRole('article').count()).toBe(0);
    // Next to Ask, the budget says why.
    await expect.poll(() => askPanel().textContent(), { timeout: 15_000 }).toContain('only free and local models can be asked');
  });

  it('puts a footprint line on the citation, with what the figure is and is not', async () => {
    fake.enqueue({ text: 'Le paragraphe est clair.' });
    await newDraftWith(page, PARAGRAPH);
    await askAboutFirstParagraph(page, 'Clarity');
    const card = citation(page, 1);
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toMatch(/Footprint ≈ [\d.]+–[\d.]+ Wh · [\d.]+–[\d.]+ g CO₂e/);
    await card.getByText('What is this?').click();
    const disclosure = card.locator('.footprint');
    expect(await disclosure.textContent()).toContain('EcoLogits');
    expect(await disclosure.textContent()).toContain('not a measurement');
  });
});
