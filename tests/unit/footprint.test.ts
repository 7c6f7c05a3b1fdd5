import { describe, expect, it } from 'vitest';
import { BATCH_SIZES, ecologitsEnergyWh, modelSize, parseSizeFromId, PUE, replyFootprint, UNKNOWN_SIZE, WORLD_GRID_INTENSITY } from '../../shared/footprint.js';

const remote = (model: string | null, outputTokens: number | null, gridIntensity = WORLD_GRID_INTENSITY) =>
  replyFootprint({ model, outputTokens, local: false, latencyMs: 5000, localPowerW: null, gridIntensity });

describe('the footprint of a reply', () => {
  it('knows the sizes of model families from its table', () => {
    expect(modelSize('mistralai/mistral-large-2411')).toMatchObject({ source: 'table', active: { low: 123, high: 123 } });
    expect(modelSize('deepseek/deepseek-chat-v3-0324')).toMatchObject({ source: 'table', active: { low: 37, high: 37 }, total: { low: 671, high: 671 } });
    const sonnet = modelSize('anthropic/claude-sonnet-4.5-20250929');
    expect(sonnet.source).toBe('table');
    expect(sonnet.active.low).toBeLessThan(sonnet.active.high);
  });

  it('reads "24b" / "70B" / "8x7b" sizes from ids, and nothing from ids without one', () => {
    expect(parseSizeFromId('mistralai/mistral-small-3.2-24b-instruct:free')).toEqual({ low: 24, high: 24 });
    expect(parseSizeFromId('meta-llama/llama-3.3-70B-instruct')).toEqual({ low: 70, high: 70 });
    expect(parseSizeFromId('qwen2.5:0.5b')).toEqual({ low: 0.5, high: 0.5 });
    expect(parseSizeFromId('some/8x7b-moe')).toEqual({ low: 56, high: 56 });
    expect(parseSizeFromId('openai/gpt-4o')).toBeNull();
    expect(parseSizeFromId('llama3.1:8b')).toEqual({ low: 8, high: 8 });
    expect(modelSize('deepseek/deepseek-r1-distill-llama-70b')).toMatchObject({ source: 'id', active: { low: 70, high: 70 } });
  });

  it('an unknown model gets the wide range, marked as such', () => {
    const size = modelSize('acme/mystery');
    expect(size).toEqual({ active: UNKNOWN_SIZE, total: UNKNOWN_SIZE, source: 'unknown' });
    const f = remote('acme/mystery', 400);
    expect(f.kind === 'estimate' && f.sizeSource).toBe('unknown');
    expect(f.kind === 'estimate' && f.energyWh.high / f.energyWh.low).toBeGreaterThan(20);
  });

  it('gives ordered ranges that grow with tokens, size and grid intensity', () => {
    const f = remote('meta-llama/llama-3.3-70b-instruct', 400);
    if (f.kind !== 'estimate') throw new Error('expected an estimate');
    expect(f.energyWh.low).toBeGreaterThan(0);
    expect(f.energyWh.low).toBeLessThanOrEqual(f.energyWh.high);
    expect(f.co2eG.low).toBeLessThanOrEqual(f.co2eG.high);
    // A 70B dense model of known size: still a range (PUE and batch size are not published), never one number.
    expect(f.energyWh.high / f.energyWh.low).toBeGreaterThan(PUE.high / PUE.low);
    expect(f.energyWh.low).toBeCloseTo(ecologitsEnergyWh(400, 70, 70, PUE.low, BATCH_SIZES.high), 12);
    expect(f.energyWh.high).toBeCloseTo(ecologitsEnergyWh(400, 70, 70, PUE.high, BATCH_SIZES.low), 12);
    expect(ecologitsEnergyWh(800, 70, 70, 1.2)).toBeGreaterThan(ecologitsEnergyWh(400, 70, 70, 1.2));
    expect(ecologitsEnergyWh(400, 123, 123, 1.2)).toBeGreaterThan(ecologitsEnergyWh(400, 8, 8, 1.2));
    const clean = remote('meta-llama/llama-3.3-70b-instruct', 400, 50);
    expect(clean.kind === 'estimate' && clean.co2eG.high).toBeLessThan(f.co2eG.low);
    expect(clean.kind === 'estimate' && clean.energyWh).toEqual(f.energyWh);
  });

  it('is within an order of magnitude of the published per-prompt figures', () => {
    // Mistral's 2025 life-cycle analysis of Mistral Large 2: ≈ 1.14 gCO2e for a 400-token reply (it includes training
    // and hardware, which EcoLogits' inference figure leaves out, so ours sits below it).
    const large = remote('mistralai/mistral-large-2411', 400);
    if (large.kind !== 'estimate') throw new Error('expected an estimate');
    expect(large.co2eG.high).toBeGreaterThan(1.14 / 10);
    expect(large.co2eG.low).toBeLessThan(1.14 * 10);
    // Google's 2025 median Gemini text prompt: ≈ 0.24 Wh and 0.03 gCO2e (at Google's own, cleaner grid: 125 g/kWh).
    const gemini = replyFootprint({ model: 'google/gemini-2.5-pro', outputTokens: 400, local: false, latencyMs: null, localPowerW: null, gridIntensity: 0.03 / 0.24 * 1000 });
    if (gemini.kind !== 'estimate') throw new Error('expected an estimate');
    expect(gemini.energyWh.high).toBeGreaterThan(0.24 / 10);
    expect(gemini.energyWh.low).toBeLessThan(0.24 * 10);
    expect(gemini.co2eG.high).toBeGreaterThan(0.03 / 10);
    expect(gemini.co2eG.low).toBeLessThan(0.03 * 10);
  });

  it('local models: from the wall-clock time and the machine’s power, or unknown', () => {
    const f = replyFootprint({ model: 'llama3.1:8b', outputTokens: 300, local: true, latencyMs: 36_000, localPowerW: 100, gridIntensity: 400 });
    // 100 W for 36 s = 1 Wh, of which between half and all is the reply's.
    expect(f).toEqual({ kind: 'estimate', method: 'local', energyWh: { low: 0.5, high: 1 }, co2eG: { low: 0.2, high: 0.4 }, sizeSource: null });
    expect(replyFootprint({ model: 'llama3.1:8b', outputTokens: 300, local: true, latencyMs: 36_000, localPowerW: null, gridIntensity: 400 })).toEqual({ kind: 'unknown', reason: 'no_local_power' });
    expect(replyFootprint({ model: 'llama3.1:8b', outputTokens: 300, local: true, latencyMs: null, localPowerW: 60, gridIntensity: 400 })).toEqual({ kind: 'unknown', reason: 'no_time' });
  });

  it('says unknown when the reply has no token count', () => {
    expect(remote('meta-llama/llama-3.3-70b-instruct', null)).toEqual({ kind: 'unknown', reason: 'no_tokens' });
  });
});
