import { describe, expect, it } from 'vitest';
import { buildIndex, filterIndex } from '../../../renderer/features/ask/model-search.js';
import type { ModelInfo } from '../../../shared/pricing.js';

const model = (id: string, name: string, endpointId = 'openrouter'): ModelInfo => ({
  endpointId, id, name, local: false, contextLength: null,
  prices: { prompt: null, completion: null, request: null }, variablePrice: false, expirationDate: null,
});
const models = [model('a/one', 'Alpha One'), model('b/two', 'Bêta Deux'), model('c/three', 'Gamma Three'), model('llama3', 'llama3', 'local-1')];

describe('the picker search', () => {
  it('orders favourites, then recent models newest first, then the catalogue as listed', () => {
    const index = buildIndex(models, ['openrouter c/three'], ['local-1 llama3', 'openrouter b/two']);
    expect(index.entries.map((e) => e.model.id)).toEqual(['c/three', 'llama3', 'b/two', 'a/one']);
    expect(index.entries[0]).toMatchObject({ favourite: true, recent: false });
    expect(index.byRef.get('local-1 llama3')?.recent).toBe(true);
  });
  it('matches every word of the query in the name, the id or the endpoint name, ignoring case and accents', () => {
    const index = buildIndex(models, [], [], new Map([['local-1', 'Ollama']]));
    expect(filterIndex(index, 'beta', 10).shown.map((e) => e.model.id)).toEqual(['b/two']);
    expect(filterIndex(index, 'GAMMA c/', 10).shown.map((e) => e.model.id)).toEqual(['c/three']);
    expect(filterIndex(index, 'ollama', 10).shown.map((e) => e.model.id)).toEqual(['llama3']);
    expect(filterIndex(index, 'gamma two', 10).total).toBe(0);
    expect(filterIndex(index, '', 10).total).toBe(4);
  });
  it('shows at most the limit but counts every match', () => {
    const many = Array.from({ length: 1000 }, (_, i) => model(`p/m-${i}`, `Model ${i}`));
    const result = filterIndex(buildIndex(many, [], []), 'model', 60);
    expect(result.shown.length).toBe(60);
    expect(result.total).toBe(1000);
  });
});
