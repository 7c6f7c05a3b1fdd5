import { describe, expect, it } from 'vitest';
import { aiUseStatement, markdownCode } from '../../shared/ai-use-statement.js';
import { consultation, reply } from './export-fixtures.js';
import { replyFootprint } from '../../shared/footprint.js';

const c1 = consultation('c1', { kind: 'clarity', createdAt: '2026-03-01T09:00:00.000Z' });
const c2 = consultation('c2', { kind: 'proofread', createdAt: '2026-03-02T10:00:00.000Z' });
const c3 = consultation('c3', { kind: 'clarity', createdAt: '2026-03-04T17:40:00.000Z' });
const replies = [
  reply('r1', 'c1', 1, { startedAt: '2026-03-01T09:00:01.000Z' }),
  reply('r2', 'c1', 2, { turn: 1, startedAt: '2026-03-01T09:05:00.000Z', servedModel: 'openai/gpt-5' }),
  reply('r3', 'c2', 3, { startedAt: '2026-03-02T10:00:01.000Z', status: 'interrupted' }),
  reply('r4', 'c3', 4, { startedAt: '2026-03-04T17:40:02.000Z', servedModel: null, state: 'dismissed' }),
];
const base = { consultations: [c1, c2, c3, c1], replies, draftSha256: 'ab'.repeat(32), language: 'en' as const };

describe('aiUseStatement', () => {
  it('counts consultations by kind, replies by served model, incomplete replies and the date range', () => {
    const { facts } = aiUseStatement(base);
    expect(facts.consultations).toBe(3);
    expect(facts.replies).toBe(4);
    expect(facts.kinds).toEqual([
      { kind: 'clarity', count: 2 },
      { kind: 'proofread', count: 1 },
    ]);
    expect(facts.models).toEqual([
      { model: 'anthropic/claude-4.5-sonnet-20250929', count: 2 },
      { model: 'openai/gpt-5', count: 1 },
      { model: null, count: 1 },
    ]);
    expect(facts.incompleteReplies).toBe(1);
    expect(facts.firstAt).toBe('2026-03-01T09:00:00.000Z');
    expect(facts.lastAt).toBe('2026-03-04T17:40:02.000Z');
    expect(facts.modelTextInDraft).toBeNull();
  });

  it('says it in English with the models in code and the never-inserted sentence when there is no check', () => {
    const { text, plain } = aiUseStatement(base);
    expect(text).toContain('consulted 3 times through Ami (clarity 2, proofreading 1), between 2026-03-01 09:00 UTC and 2026-03-04 17:40 UTC, for 4 replies in all');
    expect(text).toContain('served by `anthropic/claude-4.5-sonnet-20250929` (2), `openai/gpt-5` (1) and an unidentified model (1).');
    expect(text).toContain('One of these replies is incomplete');
    expect(text).toContain('Ami never inserts model text into the draft');
    expect(text).toContain(`SHA-256 of the draft text: \`${'ab'.repeat(32)}\`.`);
    expect(plain).toContain('served by anthropic/claude-4.5-sonnet-20250929 (2), openai/gpt-5 (1)');
    expect(plain).not.toContain('`');
    expect(text.split('\n\n')).toHaveLength(3);
  });

  it('keeps the never-inserted sentence for a clean check and drops it when the check found model text', () => {
    const clean = aiUseStatement({ ...base, guard: { clean: true, spans: [] } }).text;
    expect(clean).toContain('Ami’s check found no passage of the draft that reproduces model wording.');
    expect(clean).toContain('Ami never inserts model text into the draft');
    expect(aiUseStatement(base).text).not.toContain('check found no passage'); // no check run: no claim about it

    const found = aiUseStatement({
      ...base,
      guard: { clean: false, spans: [{ from: 0, to: 5, citationNumber: 3 }, { from: 9, to: 20, citationNumber: 1 }, { from: 30, to: 40, citationNumber: 3 }] },
    });
    expect(found.text).not.toContain('never inserts');
    expect(found.text).toContain('found 3 passages of the draft that reproduce text from model replies (citations 1 and 3)');
    expect(found.facts.modelTextInDraft).toEqual({ clean: false, spans: 3, citationNumbers: [1, 3], passages: [] });

    const quoted = aiUseStatement({
      ...base,
      draftText: 'Mon texte. Le passage\nrepris mot pour mot. Fin.',
      guard: { clean: false, spans: [{ from: 11, to: 42, citationNumber: 2 }] },
    });
    expect(quoted.text).toContain('These passages: `“Le passage repris mot pour mot.”` (citation 2).');
    expect(quoted.plain).toContain('These passages: “Le passage repris mot pour mot.” (citation 2).');

    const unsure = aiUseStatement({ ...base, guard: { clean: false, spans: [] } });
    expect(unsure.text).not.toContain('never inserts');
    expect(unsure.text).toContain('could not confirm');
  });

  it('says it in French, with French typography around its own words only', () => {
    const { text } = aiUseStatement({ ...base, language: 'fr', replies: [...replies, reply('r5', 'c2', 5, { servedModel: "x/it's : odd", status: 'failed' })] });
    expect(text).toContain('des modèles de langue ont été consultés 3 fois avec Ami (clarté 2, relecture 1), entre le 2026-03-01 09:00 UTC et le 2026-03-04 17:40 UTC, pour 5 réponses en tout');
    expect(text).toContain('Les réponses ont été fournies par\u00a0:');
    expect(text).toContain("`x/it's : odd` (1)");
    expect(text).toContain('2 de ces réponses sont incomplètes');
    expect(text).toContain('Ami n’insère jamais de texte d’un modèle dans le brouillon\u00a0:');
    const found = aiUseStatement({ ...base, language: 'fr', guard: { clean: false, spans: [{ from: 0, to: 1, citationNumber: 2 }] } });
    expect(found.text).toContain('a trouvé dans le brouillon 1 passage qui reprend le texte de réponses de modèles (citation 2)');
    expect(found.text).not.toContain('n’insère jamais');
  });

  it('says plainly when no model was consulted', () => {
    const { text, facts } = aiUseStatement({ consultations: [], replies: [], draftSha256: '00', language: 'en' });
    expect(facts.consultations).toBe(0);
    expect(text.startsWith('No language model was consulted through Ami while this draft was written.')).toBe(true);
    expect(text).toContain('Ami never inserts model text into the draft');
  });

  it('writes inline code that no backtick in the value can close', () => {
    expect(markdownCode('a/b')).toBe('`a/b`');
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`x`')).toBe('`` `x` ``');
    expect(markdownCode('two\nlines')).toBe('`two lines`');
  });
});

describe('the draft’s total cost in the statement', () => {
  const priced = [
    reply('p1', 'c1', 1, { usage: { promptTokens: 10, completionTokens: 5, cost: 0.25 } }),
    reply('p2', 'c2', 2, { usage: { promptTokens: 10, completionTokens: 5, cost: 0.5 } }),
    reply('p3', 'c3', 3, { usage: { promptTokens: null, completionTokens: null, cost: null } }),
  ];
  const input = { consultations: [c1, c2, c3], draftSha256: 'ab'.repeat(32) };

  it('sums the replies’ costs and says how many are not known', () => {
    const { text, facts } = aiUseStatement({ ...input, replies: priced, language: 'en' });
    expect(facts.cost).toEqual({ total: 0.75, unknown: 1 });
    expect(text).toContain('These replies cost $0.75 in all, as the providers reported. The cost of one reply is not known and is not counted.');
    const fr = aiUseStatement({ ...input, replies: priced, language: 'fr' }).text;
    expect(fr).toContain(`Ces réponses ont coûté ${new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'USD' }).format(0.75)} en tout, selon les fournisseurs.`);
    expect(fr).toContain('Le coût d’une réponse n’est pas connu et n’est pas compté.');
  });

  it('does not call a cost nothing when no reply said it, and keeps small sums readable', () => {
    expect(aiUseStatement({ ...input, replies: [priced[2]!], language: 'en' }).text).toContain('The cost of these replies is not known.');
    const small = aiUseStatement({ ...input, replies: [reply('s', 'c1', 1, { usage: { promptTokens: 1, completionTokens: 1, cost: 0.0001234 } })], language: 'en' });
    expect(small.text).toContain('These replies cost $0.00012 in all');
    expect(small.text).not.toContain('not known');
  });
});

describe('the draft’s footprint in the statement', () => {
  const input = { consultations: [c1, c2, c3], draftSha256: 'ab'.repeat(32) };
  const replies = [
    reply('f1', 'c1', 1, { servedModel: 'mistralai/mistral-small-3.2-24b-instruct', usage: { promptTokens: 900, completionTokens: 400, cost: 0.001 } }),
    reply('f2', 'c2', 2, { servedModel: 'mistralai/mistral-small-3.2-24b-instruct', usage: { promptTokens: 900, completionTokens: 200, cost: 0.001 } }),
    reply('f3', 'c3', 3, { usage: { promptTokens: null, completionTokens: null, cost: null } }),
  ];

  it('sums the replies’ estimates as a range with its method and grid, and counts what it cannot estimate', () => {
    const { text, facts } = aiUseStatement({ ...input, replies, language: 'en', gridIntensity: 300 });
    const [f1, f2] = [400, 200].map((tokens) =>
      replyFootprint({ model: 'mistralai/mistral-small-3.2-24b-instruct', outputTokens: tokens, local: false, latencyMs: null, localPowerW: null, gridIntensity: 300 }),
    );
    if (f1!.kind !== 'estimate' || f2!.kind !== 'estimate') throw new Error('expected estimates');
    expect(facts.footprint.unknown).toBe(1);
    expect(facts.footprint.wh[0]).toBeCloseTo(f1!.energyWh.low + f2!.energyWh.low, 9);
    expect(facts.footprint.gco2e[1]).toBeCloseTo(f1!.co2eG.high + f2!.co2eG.high, 9);
    expect(facts.footprint.wh[0]).toBeLessThan(facts.footprint.wh[1]);
    expect(text).toMatch(/Their estimated footprint is [\d.,]+–[\d.,]+ Wh and [\d.,]+–[\d.,]+ g CO2e \(EcoLogits’ method, electricity at 300 g CO2e\/kWh; an order of magnitude, not a measurement\)\. One reply could not be estimated and is not counted\./);
    expect(aiUseStatement({ ...input, replies, language: 'fr', gridIntensity: 300 }).text).toContain('Leur empreinte estimée est de');
  });

  it('says when nothing can be estimated rather than giving zero', () => {
    const { text } = aiUseStatement({ ...input, replies: [replies[2]!], language: 'en' });
    expect(text).toContain('The footprint of these replies cannot be estimated.');
    expect(text).not.toMatch(/0–0 Wh/);
  });
});
