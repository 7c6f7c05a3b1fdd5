// The model picker in Chromium against browser mode and the fake OpenRouter serving a 320-model catalogue: search,
// price and context, keyboard, favourites, asking with the chosen model, and a catalogue that cannot be refreshed.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { amiSuite, askAboutFirstParagraph, citation, newDraftWith } from '../support/ami-page.js';
import { CATALOGUE_LANDMARKS as L, generateCatalogue } from '../support/fake-catalogue.js';
import type { FakeOpenRouter } from '../support/fake-openrouter.js';

const KEY = 'sk-or-v1-picker-test-key-0123456789';
const PARAGRAPH = 'Un paragraphe à relire. Il dit peu de chose, mais il le dit clairement, et le modèle choisi répondra.';

const suite = amiSuite({ key: KEY, prefix: 'ami-picker-' });
let fake: FakeOpenRouter;
let page: Page;
beforeEach(() => {
  fake = suite.fake;
  page = suite.app.page;
  fake.models = generateCatalogue(320);
});

const picker = () => page.getByRole('region', { name: 'Ask' }).getByRole('combobox', { name: 'Model' });
const options = () => page.getByRole('listbox', { name: 'Models' }).getByRole('option');
const chats = () => fake.requests.filter((r) => r.path.endsWith('/chat/completions'));

describe('the model picker', () => {
  it('finds a model by search, shows its price and context, marks it a favourite, and the citation carries the served model', async () => {
    await newDraftWith(page, PARAGRAPH);
    await picker().click();
    await expect.poll(() => options().count(), { timeout: 15_000 }).toBeGreaterThan(20);
    // Image-output models are not offered.
    await page.keyboard.type('imagen');
    await expect.poll(() => page.getByRole('listbox', { name: 'Models' }).textContent()).toContain('No model matches “imagen”');
    await picker().fill('');
    await page.keyboard.type('quill 8k');
    await expect.poll(() => options().count()).toBe(1);
    const option = options().first();
    expect(await option.textContent()).toContain(L.smallContext);
    expect(await option.textContent()).toContain('$0.1 in · $0.2 out per million tokens');
    expect(await option.textContent()).toContain('8K tokens of context');
    expect(await picker().getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await page.keyboard.press('Enter');
    expect(await picker().getAttribute('aria-expanded')).toBe('false');
    expect(await picker().inputValue()).toBe(L.smallContext);
    expect(await page.locator('.model-summary').first().textContent()).toContain('OpenRouter · $0.1 in · $0.2 out per million tokens');

    const star = page.getByRole('button', { name: `Mark ${L.smallContext} as a favourite` });
    await star.click();
    await expect.poll(() => page.getByRole('button', { name: `Remove ${L.smallContext} from the favourites` }).getAttribute('aria-pressed')).toBe('true');

    // Favourites are pinned on top of the whole list.
    await picker().fill('');
    await expect.poll(() => options().first().textContent()).toContain(L.smallContext);
    await page.keyboard.press('Escape');
    expect(await picker().getAttribute('aria-expanded')).toBe('false');

    fake.enqueue({ text: 'Le paragraphe est clair.' });
    await askAboutFirstParagraph(page);
    await expect.poll(() => citation(page, 1).textContent(), { timeout: 15_000 }).toContain(`${L.smallContext}-20250929`);
    expect(chats().at(-1)!.body.model).toBe(L.smallContext);
  });

  it('warns when the draft and request exceed the chosen model’s context, and notes a model about to be withdrawn', async () => {
    const long = Array.from({ length: 600 }, (_, i) => `Phrase ${i} d’un brouillon assez long pour dépasser un petit contexte de modèle.`).join(' ');
    await newDraftWith(page, `${PARAGRAPH}\n\n${long}`);
    await page.getByRole('textbox', { name: 'Draft' }).click();
    await page.keyboard.press('ControlOrMeta+Home');
    await picker().click();
    await page.keyboard.type('quill 8k');
    await expect.poll(() => options().count(), { timeout: 15_000 }).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('region', { name: 'Ask' }).textContent()).toMatch(/take about [\d,]+ tokens; this model reads at most 8,192/);
    await picker().fill('GPT-4 Turbo (legacy)');
    await expect.poll(() => options().count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('region', { name: 'Ask' }).textContent()).toContain('This model will be withdrawn on');
  });

  it('keeps a typed id that is not in the catalogue, marked as such', async () => {
    await newDraftWith(page, PARAGRAPH);
    await picker().click();
    await expect.poll(() => options().count(), { timeout: 15_000 }).toBeGreaterThan(20);
    await page.keyboard.type('newlab/brand-new-model');
    await page.keyboard.press('Enter');
    expect(await picker().inputValue()).toBe('newlab/brand-new-model');
    await expect.poll(() => page.getByRole('region', { name: 'Ask' }).textContent()).toContain('not in the catalogue');
  });

  it('says the catalogue is offline when it cannot be refreshed, keeps the cached models, and sends nothing', async () => {
    await newDraftWith(page, PARAGRAPH);
    await picker().click();
    await expect.poll(() => options().count(), { timeout: 15_000 }).toBeGreaterThan(20);
    await page.keyboard.press('Escape');
    fake.modelsBody = { status: 200, body: 'not json at all', contentType: 'application/json' };
    await page.getByRole('region', { name: 'Ask' }).getByRole('button', { name: 'Refresh the catalogue' }).click();
    const ask = page.getByRole('region', { name: 'Ask' });
    await expect.poll(() => ask.textContent(), { timeout: 15_000 }).toMatch(/OpenRouter: catalogue from .+, offline/);
    expect(await ask.textContent()).toContain('The list of models could not be read');
    await picker().click();
    await page.keyboard.type('sonnet 4.5');
    await expect.poll(() => options().first().textContent()).toContain(L.paid);
    expect(chats()).toEqual([]);
    await expect.poll(() => page.getByRole('textbox', { name: 'Draft' }).textContent()).toBe(PARAGRAPH);
  });
});
