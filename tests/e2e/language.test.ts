// A browser whose language is French opens Ami in French; the Settings switch changes the interface at once, in both
// directions, and the choice outlives a reload. Names are found by role, as a screen reader would.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { launchChromium } from '../support/chromium.js';
import { tempDir } from '../support/temp-dir.js';
import { openPage } from '../support/ami-page.js';
import { startAmi, type RunningAmi } from '../support/web-app.js';

let browser: Browser;
let dir: ReturnType<typeof tempDir>;
let ami: RunningAmi;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  dir = tempDir('ami-e2e-language-');
}, 60_000);
afterAll(async () => {
  await browser?.close();
  dir?.cleanup();
});
afterEach(async () => {
  await page?.context().close();
  await ami?.stop();
});

const htmlLang = () => page.evaluate(() => document.documentElement.lang);

async function chooseLanguage(settingsName: string, label: string, option: string) {
  await page.getByRole('button', { name: settingsName, exact: true }).click();
  await page.getByRole('combobox', { name: label }).selectOption(option);
}

describe('the interface language', () => {
  it('follows a French browser, switches from Settings at once and keeps the choice after a reload', async () => {
    ami = await startAmi({ dataDir: join(dir.path, 'data'), env: {} });
    page = await openPage(browser, 'fr-FR');
    await page.route((url) => url.origin !== ami.origin, (route) => route.abort('blockedbyclient'));
    await page.goto(ami.url);

    await page.getByRole('textbox', { name: 'Brouillon' }).waitFor();
    expect(await htmlLang()).toBe('fr');
    await page.getByRole('button', { name: 'Nouveau brouillon', exact: true }).waitFor();
    await page.getByRole('region', { name: 'Demander' }).waitFor();
    const requests = page.getByRole('combobox', { name: 'Demande' });
    expect(await requests.locator('option').allTextContents()).toEqual(['Clarté', 'Suggestions', 'Relecture', 'Question', 'Exploration']);

    await chooseLanguage('Réglages', 'Langue de l’interface', 'en');
    // At once, without a reload: the dialog, the page behind it and the lang attribute.
    await page.getByRole('combobox', { name: 'Interface language' }).waitFor();
    expect(await htmlLang()).toBe('en');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('button', { name: 'New draft', exact: true }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Request' }).locator('option').allTextContents()).toEqual([
      'Clarity',
      'Suggestions',
      'Proofreading',
      'Question',
      'Explore',
    ]);

    await chooseLanguage('Settings', 'Interface language', 'fr');
    await page.getByRole('combobox', { name: 'Langue de l’interface' }).waitFor();
    expect(await htmlLang()).toBe('fr');
    await page.getByRole('button', { name: 'Fermer', exact: true }).click();
    await page.getByRole('button', { name: 'Historique', exact: true }).waitFor();

    await chooseLanguage('Réglages', 'Langue de l’interface', 'en');
    await page.getByRole('combobox', { name: 'Interface language' }).waitFor();
    await page.reload();
    // The French browser would say French: the stored choice wins.
    await page.getByRole('button', { name: 'History', exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'Draft' }).waitFor();
    expect(await htmlLang()).toBe('en');
    expect(await page.getByRole('button', { name: 'Historique', exact: true }).count()).toBe(0);
  });

  it('is English in an English browser', async () => {
    ami = await startAmi({ dataDir: join(dir.path, 'data-en'), env: {} });
    page = await openPage(browser);
    await page.route((url) => url.origin !== ami.origin, (route) => route.abort('blockedbyclient'));
    await page.goto(ami.url);
    await page.getByRole('textbox', { name: 'Draft' }).waitFor();
    expect(await htmlLang()).toBe('en');
    expect(await page.getByRole('button', { name: 'Réglages' }).count()).toBe(0);
  });
});
