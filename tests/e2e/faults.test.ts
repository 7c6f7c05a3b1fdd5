// Every network fault the fake OpenRouter can play, seen from the UI in a real Chromium: each ends in a clear,
// specific message on the citation, the draft stays exactly as written, and text that arrived before the fault is
// kept and marked incomplete. Browser mode runs with a short idle timeout so that the stall case ends quickly.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FakeOpenRouter, FakeScenario } from '../support/fake-openrouter.js';
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

interface Case {
  name: string;
  scenario: FakeScenario;
  /** What the citation must say. */
  message: RegExp;
  status: 'Complete' | 'Incomplete' | 'Failed';
  /** Text that must be kept (for incomplete replies: what arrived before the fault). */
  kept?: string;
  /** Statuses that must never be retried: exactly one request reaches the server. */
  once?: boolean;
}

const partial = { text: `${PARTIAL} la suite ne vient jamais.`, chunkSize: 11 };
const CASES: Case[] = [
  { name: 'stalled stream', scenario: { ...partial, stallAfterChunks: 3 }, message: /stopped sending for \d+ seconds?, so the reply was cut off/, status: 'Incomplete', kept: PARTIAL },
  { name: 'cut stream (no finish, no [DONE])', scenario: { ...partial, cutAfterChunks: 3 }, message: /ended before the reply was finished: it was cut off/, status: 'Incomplete', kept: PARTIAL },
  { name: 'socket dropped', scenario: { ...partial, destroyAfterChunks: 3 }, message: /ended before the reply was finished: it was cut off/, status: 'Incomplete', kept: PARTIAL },
  { name: 'mid-stream error chunk', scenario: { ...partial, midStreamErrorAfterChunks: 3 }, message: /failed or is unavailable/, status: 'Incomplete', kept: PARTIAL },
  { name: '400', scenario: { status: 400 }, message: /not a valid model|No provider serves|refused the request as invalid/, status: 'Failed', once: true },
  { name: '401', scenario: { status: 401 }, message: /did not accept the API key/, status: 'Failed', once: true },
  { name: '402', scenario: { status: 402 }, message: /does not have enough credits/, status: 'Failed', once: true },
  { name: '403', scenario: { status: 403, moderationReasons: ['violence'] }, message: /moderation refused this request/, status: 'Failed', once: true },
  { name: '404', scenario: { status: 404 }, message: /No provider serves the model|No endpoints/, status: 'Failed', once: true },
  { name: '429 free-tier daily limit', scenario: { status: 429, freeTierDaily: true }, message: /free|limit|You can ask again after/i, status: 'Failed', once: true },
  { name: '429 upstream', scenario: { status: 429 }, message: /rate|limit/i, status: 'Failed' },
  { name: '500', scenario: { status: 500 }, message: /returned an error|failed or is unavailable/, status: 'Failed' },
  { name: '502', scenario: { status: 502 }, message: /failed or is unavailable/, status: 'Failed' },
  { name: '503', scenario: { status: 503 }, message: /failed or is unavailable|No available provider/, status: 'Failed' },
  { name: '200 without choices', scenario: { noChoices: true }, message: /cannot read|cut off|no reply/i, status: 'Failed' },
  { name: 'embedded error in a choice', scenario: { text: `${PARTIAL} et une erreur.`, embeddedError: true }, message: /failed while answering/, status: 'Incomplete', kept: PARTIAL },
  { name: 'non-JSON event data', scenario: { nonJson: 'sse' }, message: /cannot read/, status: 'Failed' },
  { name: 'HTML page instead of a stream', scenario: { nonJson: 'html' }, message: /cannot read/, status: 'Failed' },
  { name: '1 MB reply', scenario: { text: ONE_MB, chunkSize: 16_000 }, message: /shown as plain text because it is too long/, status: 'Complete', kept: 'Une longue réponse, toujours la même phrase.' },
  { name: 'slow trickle', scenario: { text: 'Lent, mais complet.', chunkSize: 2, chunkDelayMs: 250 }, message: /Lent, mais complet\./, status: 'Complete', kept: 'Lent, mais complet.' },
];

async function draftText(): Promise<string> {
  const list = await callFromPage(page, app.ami.token, 'drafts:list', {});
  const id = list.value.find((d: { title: string }) => d.title === 'Pannes').id;
  return (await callFromPage(page, app.ami.token, 'drafts:get', { id })).value.text;
}

describe('faults end in a clear message, the draft intact, partial text kept as incomplete', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      // Retryable faults are played for every attempt, so the last attempt meets the same fault.
      fake.enqueue(c.scenario, c.scenario, c.scenario);
      await newDraftWith(page, PARAGRAPH, 'Pannes');
      await askAboutFirstParagraph(page);
      const card = citation(page, 1);
      const status = c.status === 'Complete' ? /Complete/ : c.status === 'Failed' ? /Failed —/ : /Incomplete/;
      // The status can show from the live stream's end a moment before the stored reply (and its message) arrives.
      const settled = async () => {
        const text = await card.innerText();
        return status.test(text) && c.message.test(text);
      };
      await expect.poll(settled, { timeout: 30_000 }).toBe(true);
      const shown = await card.innerText();
      if (c.kept) expect(shown).toContain(c.kept);
      if (c.status !== 'Complete') expect(shown).not.toMatch(/\bComplete\b/);
      if (c.once) expect(fake.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(1);
      await expect.poll(() => page.getByRole('textbox', { name: 'Draft' }).textContent()).toBe(PARAGRAPH);
      expect(await draftText()).toBe(PARAGRAPH);
      const message = shown.split('\n').find((line) => c.message.test(line)) ?? shown.slice(0, 200);
      console.log(`${c.name} → ${message.trim().slice(0, 300)}`);
    }, 90_000);
  }
});
