// Every fault the fake OpenRouter can play (its whole FAULT_SCENARIOS table), seen from the UI in a real Chromium:
// each ends in its own message, naming what happened and what to do; the draft stays exactly as written; text that
// arrived before the fault is kept as an incomplete citation; a request that got no text is not a citation at all
// but a failed request. Browser mode runs with a short idle timeout so that the stall case ends quickly.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FAULT_SCENARIOS, type FakeOpenRouter, type FakeScenario, type FaultName } from '../support/fake-openrouter.js';
import { amiSuite, askAboutFirstParagraph, callFromPage, citation, newDraftWith, type OpenAmi } from '../support/ami-page.js';

const KEY = 'sk-or-v1-e2e-faults-key-0123456789';
const PARAGRAPH = 'Un paragraphe écrit par son auteur, que rien ne doit modifier.';
const PARTIAL = 'Début de réponse qui arrive, puis';
const ONE_MB = 'Une longue réponse, toujours la même phrase. '.repeat(23_000);

const suite = amiSuite({ key: KEY, prefix: 'ami-faults-', env: { AMI_IDLE_TIMEOUT_MS: '1500' } });
let fake: FakeOpenRouter;
let app: OpenAmi;
let page: Page;
beforeEach(() => {
  ({ fake, app } = suite);
  page = app.page;
});

interface Expected {
  /** The scenario's own sentence: one pattern that the generic fallback ("failed or is unavailable") cannot meet. */
  message: RegExp;
  /** 'Incomplete': text arrived and is kept as a citation; 'Failed': no text, a failed request, not a citation. */
  status: 'Complete' | 'Incomplete' | 'Failed';
  /** Text that must be kept (for incomplete replies: what arrived before the fault). */
  kept?: string;
  /** Statuses that must never be retried: exactly one request reaches the server. */
  once?: boolean;
}

// A Record over FaultName: a scenario added to the fake without its expectation here does not compile.
const EXPECTED: Record<FaultName, Expected> = {
  'mid-stream error': { message: /FakeProvider broke off in the middle of the reply from \S+\. What arrived is kept/, status: 'Incomplete', kept: PARTIAL },
  'embedded error in a choice': { message: /FakeProvider broke off in the middle of the reply from \S+\. What arrived is kept/, status: 'Incomplete', kept: PARTIAL },
  'cut stream': { message: /ended before the reply was finished: it was cut off/, status: 'Incomplete', kept: PARTIAL },
  'socket dropped': { message: /ended before the reply was finished: it was cut off/, status: 'Incomplete', kept: PARTIAL },
  'stalled stream': { message: /stopped sending for \d+ seconds?, so the reply was cut off there/, status: 'Incomplete', kept: PARTIAL },
  '400 invalid model': { message: /No provider serves the model “anthropic\/claude-sonnet-4\.5”\. Check its id/, status: 'Failed', once: true },
  'context too long': { message: /too long for \S+: the request needs about 250000 tokens, and this model reads at most 131072\. Choose a model with a larger context/, status: 'Failed', once: true },
  '401 unknown key': { message: /did not accept the API key \(it may be missing or mistyped\)\. Check it in Settings/, status: 'Failed', once: true },
  'key revoked': { message: /says this API key is disabled or revoked: it can no longer be used\. Create a new key on openrouter\.ai and paste it in Settings/, status: 'Failed', once: true },
  '402 no credit': { message: /does not have enough credits for this request\. Add credits on openrouter\.ai/, status: 'Failed', once: true },
  '403 moderation': { message: /moderation refused this request for: violence\. Nothing was charged/, status: 'Failed', once: true },
  '404 no endpoints': { message: /No provider serves the model “anthropic\/claude-sonnet-4\.5”\. Check its id/, status: 'Failed', once: true },
  '429 with Retry-After': { message: /is rate-limited right now \(too many requests\)\. Ask again in 30 seconds\./, status: 'Failed', once: true },
  '429 upstream': { message: /FakeProvider, which serves \S+, is limiting requests right now\. Wait a minute/, status: 'Failed' },
  '429 daily free-tier limit': { message: /used today’s free requests on OpenRouter\. The limit resets .*\d\d:\d\d\. Models that are not free/, status: 'Failed', once: true },
  '500': { message: /had an internal error while handling this request\. Ask again in a moment/, status: 'Failed' },
  '502': { message: /FakeProvider, the provider serving \S+, did not answer \S+ properly\. Ask again in a moment/, status: 'Failed' },
  '503': { message: /No provider can serve \S+ right now: they are unavailable or overloaded\. Ask again in a few minutes/, status: 'Failed' },
  '200 without choices': { message: /The provider answered without any reply in its response\./, status: 'Failed' },
  'empty reply': { message: /\S+ answered with no text at all\. Ask again, rephrase the question/, status: 'Failed', once: true },
  'malformed JSON in a data line': { message: /sent a reply Ami cannot read \(part of the stream is not valid data\)/, status: 'Failed' },
  'non-JSON event data': { message: /sent a reply Ami cannot read \(part of the stream is not valid data\)/, status: 'Failed' },
  'HTML page instead of a stream': { message: /is not a model’s reply \(text\/html\)\. A proxy or a wrong base URL is the likely cause/, status: 'Failed', once: true },
  'wrong content type (JSON)': { message: /is not a model’s reply \(application\/json\)\. A proxy or a wrong base URL is the likely cause/, status: 'Failed', once: true },
  'wrong content type (plain text)': { message: /is not a model’s reply \(text\/plain\)\. A proxy or a wrong base URL is the likely cause/, status: 'Failed', once: true },
};

const NOT_FAULTS: Record<string, { scenario: FakeScenario } & Expected> = {
  '1 MB reply': { scenario: { text: ONE_MB, chunkSize: 16_000 }, message: /shown as plain text because it is too long/, status: 'Complete', kept: 'Une longue réponse, toujours la même phrase.' },
  'slow trickle': { scenario: { text: 'Lent, mais complet.', chunkSize: 2, chunkDelayMs: 250 }, message: /Lent, mais complet\./, status: 'Complete', kept: 'Lent, mais complet.' },
};

const CASES: [string, FakeScenario, Expected][] = [
  ...Object.entries(FAULT_SCENARIOS).map(([name, scenario]): [string, FakeScenario, Expected] => [name, scenario, EXPECTED[name as FaultName]]),
  ...Object.entries(NOT_FAULTS).map(([name, { scenario, ...expected }]): [string, FakeScenario, Expected] => [name, scenario, expected]),
];

async function draftText(): Promise<string> {
  const list = await callFromPage(page, app.ami.token, 'drafts:list', {});
  const id = list.value.find((d: { title: string }) => d.title === 'Pannes').id;
  return (await callFromPage(page, app.ami.token, 'drafts:get', { id })).value.text;
}

const panel = () => page.getByRole('region', { name: 'Citations' });

describe('faults end in their own message, the draft intact, partial text kept as incomplete', () => {
  it('every scenario of the fake has its expectation', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(FAULT_SCENARIOS).sort());
  });

  for (const [name, scenario, c] of CASES) {
    it(name, async () => {
      // Retryable faults are played for every attempt, so the last attempt meets the same fault.
      fake.enqueue(scenario, scenario, scenario);
      await newDraftWith(page, PARAGRAPH, 'Pannes');
      await askAboutFirstParagraph(page);
      const failed = c.status === 'Failed';
      const card = failed ? panel().getByRole('article', { name: 'Failed request' }) : citation(page, 1);
      const status = c.status === 'Complete' ? /Complete/ : failed ? /Request failed/ : /Incomplete/;
      // The status can show from the live stream's end a moment before the stored reply (and its message) arrives.
      const settled = async () => {
        if ((await card.count()) !== 1) return false;
        const text = await card.innerText();
        return status.test(text) && c.message.test(text);
      };
      await expect.poll(settled, { timeout: 30_000 }).toBe(true);
      const shown = await card.innerText();
      if (c.kept) expect(shown).toContain(c.kept);
      if (c.status !== 'Complete') expect(shown).not.toMatch(/\bComplete\b/);
      expect(shown).not.toMatch(/failed or is unavailable/);
      if (failed) {
        // Not a citation: no number, nothing to copy or quote, but a way to send it again or put it away.
        expect(await panel().getByRole('article', { name: /^Citation/ }).count()).toBe(0);
        expect(shown).not.toMatch(/\[\d+\]/);
        expect(await card.getByRole('button', { name: /Copy|Insert/ }).count()).toBe(0);
        expect(await card.getByRole('button', { name: 'Retry' }).count()).toBe(1);
        expect(await card.getByRole('button', { name: 'Dismiss' }).count()).toBe(1);
        expect(await card.getByText('Details', { exact: true }).count()).toBe(1);
      }
      if (c.once) expect(fake.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(1);
      await expect.poll(() => page.getByRole('textbox', { name: 'Draft' }).textContent()).toBe(PARAGRAPH);
      expect(await draftText()).toBe(PARAGRAPH);
      const message = shown.split('\n').find((line) => c.message.test(line)) ?? shown.slice(0, 200);
      console.log(`${name} → ${message.trim().slice(0, 300)}`);
    }, 90_000);
  }
});
