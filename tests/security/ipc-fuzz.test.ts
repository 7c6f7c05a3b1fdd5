// Every channel of the contract fed malformed, oversized and wrongly typed input: each call must come back as a
// value (never a throw, never a crash), and input that does not match the schema must be a validation error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { CHANNELS, contract } from '../../shared/contract.js';
import { createServices, type Services } from '../../electron/services/create-services.js';
import { envKeyStore } from '../../electron/services/key-store.js';
import type { LlmClient } from '../../electron/llm/llm-client.js';
import { tempDir } from '../support/temp-dir.js';

// The model is never reached here: anything that gets past validation and asks must fail for want of a key.
const offlineLlm: LlmClient = {
  chat: () => Promise.reject(new Error('no model in this test')),
  listModels: () => Promise.reject(new Error('no model in this test')),
};

let dir: ReturnType<typeof tempDir>;
let services: Services;
beforeAll(() => {
  dir = tempDir();
  services = createServices({ dataDir: join(dir.path, 'data'), mode: 'web', version: 'test', llm: offlineLlm, keyStore: envKeyStore({}), emit: () => {}, env: {} });
});
afterAll(() => {
  services.close();
  dir.cleanup();
});

const hostile = fc.oneof(
  fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }),
  fc.record({ id: fc.string(), draftId: fc.string(), text: fc.string(), from: fc.integer(), to: fc.integer(), kind: fc.string() }, { requiredKeys: [] }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')),
  fc.constantFrom(null, undefined, 0, '', [], 'x'.repeat(1_000_000), { id: '../../etc/passwd' }, { id: "'; DROP TABLE drafts; --" }),
);

describe('the contract boundary', () => {
  it.each(CHANNELS)('%s answers hostile input with a value, and refuses what its schema refuses', async (channel) => {
    await fc.assert(
      fc.asyncProperty(hostile, async (input) => {
        const result = await services.dispatch(channel, input);
        expect(typeof result.ok).toBe('boolean');
        const valid = contract[channel].input.safeParse(input ?? {}).success;
        if (!valid) expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } });
        if (!result.ok) {
          expect(typeof result.error.message).toBe('string');
          expect(result.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60, seed: 42 },
    );
  });

  it('is not polluted through __proto__ keys', () => {
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('refuses unknown channels and prototype names', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'drafts:drop', '', 'hasOwnProperty']) {
      expect(await services.dispatch(name, {})).toMatchObject({ ok: false, error: { kind: 'validation' } });
    }
  });

  it('refuses a draft larger than the documented limit with a clear message, and keeps working', async () => {
    const created = await services.dispatch('drafts:create', { title: 'Big' });
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: string } }).value.id;
    const huge = await services.dispatch('drafts:save', { id, text: 'a'.repeat(10_000_001) });
    expect(huge).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const fine = await services.dispatch('drafts:save', { id, text: 'Toujours là.' });
    expect(fine.ok).toBe(true);
  });
});
