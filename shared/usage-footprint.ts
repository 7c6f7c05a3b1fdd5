// The footprint estimate, as the usage page asks for it: one month of one model's replies at a time. EcoLogits'
// energy is linear in output tokens, so the sum over a month is the estimate of the month's summed tokens.
// A summary row does not say whether its replies were local or how long they took, so rows are estimated as served
// by a provider; the README says so.
import { replyFootprint } from './footprint.js';
import type { FootprintOf } from './usage-report.js';

export function usageFootprintOf(gridIntensity: number): FootprintOf {
  return (reply) => {
    const f = replyFootprint({
      model: reply.servedModel,
      outputTokens: reply.usage.completionTokens,
      local: false,
      latencyMs: null,
      localPowerW: null,
      gridIntensity,
    });
    return f.kind === 'estimate' ? { wh: [f.energyWh.low, f.energyWh.high], gco2e: [f.co2eG.low, f.co2eG.high] } : null;
  };
}
