// The usage page estimates a month of one model's replies from their summed tokens: that must equal the sum of the
// replies' own estimates, and a row without output tokens has no estimate rather than a zero.
import { describe, expect, it } from 'vitest';
import { replyFootprint } from '../../shared/footprint';
import { usageFootprintOf } from '../../shared/usage-footprint';

const MODEL = 'mistralai/mistral-small-3.2-24b-instruct-20250929';
const one = (tokens: number) => {
  const f = replyFootprint({ model: MODEL, outputTokens: tokens, local: false, latencyMs: null, localPowerW: null, gridIntensity: 400 });
  if (f.kind !== 'estimate') throw new Error('expected an estimate');
  return f;
};

describe('usageFootprintOf', () => {
  it('gives for summed tokens the sum of the replies’ estimates, low and high', () => {
    const month = usageFootprintOf(400)({ servedModel: MODEL, usage: { promptTokens: 9000, completionTokens: 300 + 700 } })!;
    const a = one(300);
    const b = one(700);
    expect(month.wh[0]).toBeCloseTo(a.energyWh.low + b.energyWh.low, 9);
    expect(month.wh[1]).toBeCloseTo(a.energyWh.high + b.energyWh.high, 9);
    expect(month.gco2e[0]).toBeCloseTo(a.co2eG.low + b.co2eG.low, 9);
    expect(month.wh[0]).toBeLessThan(month.wh[1]);
  });

  it('follows the grid intensity setting', () => {
    const clean = usageFootprintOf(50)({ servedModel: MODEL, usage: { promptTokens: 0, completionTokens: 500 } })!;
    const dirty = usageFootprintOf(800)({ servedModel: MODEL, usage: { promptTokens: 0, completionTokens: 500 } })!;
    expect(dirty.wh).toEqual(clean.wh);
    expect(dirty.gco2e[1] / clean.gco2e[1]).toBeCloseTo(16, 9);
  });

  it('has no estimate for a row without output tokens', () => {
    expect(usageFootprintOf(400)({ servedModel: MODEL, usage: { promptTokens: 100, completionTokens: 0 } })).toBeNull();
    expect(usageFootprintOf(400)({ servedModel: MODEL, usage: { promptTokens: 100, completionTokens: null } })).toBeNull();
  });
});
