// The energy and emissions of one reply, as a range. Remote models follow EcoLogits' method for LLM inference
// (mlco2/ecologits, ecologits/impacts/llm.py; methodology at ecologits.ai): the GPUs' energy per output token grows
// linearly with the model's active parameters (fitted on ML.ENERGY leaderboard measurements, at a batch of 64
// requests), the rest of the server is counted for the generation time, shared by the batch, and the data centre's
// PUE multiplies both. The range spans the model's possible size, the PUE and the batch size. Input tokens, training, hardware manufacture and networks are not counted. Local models are
// estimated from the reply's wall-clock time and the power the author says their machine draws.

export interface Range {
  low: number;
  high: number;
}

/** EcoLogits' published coefficients (ecologits/impacts/llm.py). */
export const ECOLOGITS = {
  /** GPU energy per output token, Wh: (alpha · e^(beta · batch) · P_active[B] + gamma). */
  gpuEnergyAlpha: 1.1665273170451914e-6,
  gpuEnergyBeta: -0.011205921025579175,
  gpuEnergyGamma: 4.052928146734005e-5,
  /** Generation time per output token, s: alpha · P_active[B] + beta · batch + gamma. */
  latencyAlpha: 6.785088094353663e-4,
  latencyBeta: 3.119310311688259e-4,
  latencyGamma: 1.9473717579473387e-2,
  batchSize: 64,
  /** Memory needed: 1.2 × parameters × bits / 8 (GB per billion parameters at 16 bits), on 80 GB GPUs. */
  quantizationBits: 16,
  gpuMemoryGb: 80,
  /** An 8-GPU server draws 1.2 kW besides its GPUs. */
  serverGpus: 8,
  serverPowerKw: 1.2,
} as const;

/** How many requests a server batches together is not published: Ami spans half to twice EcoLogits' 64. */
export const BATCH_SIZES: Range = { low: 32, high: 128 };

/** Power usage effectiveness: EcoLogits' provider figures run from 1.09 (Google, Anthropic) to 1.2 (OpenAI, Azure, default). */
export const PUE: Range = { low: 1.09, high: 1.2 };

/** World average grid intensity, gCO2e per kWh: Ember, Global Electricity Review 2025 (2024 figure, ≈ 473). */
export const WORLD_GRID_INTENSITY = 473;

/** Active parameters, in billions, of model families whose size is published or well estimated. */
export const MODEL_SIZES: { pattern: RegExp; active: Range; total?: Range; note: string }[] = [
  // Mixture-of-experts with published sizes.
  { pattern: /deepseek(?!.*distill).*(v3|r1|chat)/i, active: { low: 37, high: 37 }, total: { low: 671, high: 671 }, note: 'DeepSeek V3/R1: 671B total, 37B active' },
  { pattern: /mixtral-8x22b/i, active: { low: 39, high: 39 }, total: { low: 141, high: 141 }, note: 'Mixtral 8x22B: 141B total, 39B active' },
  { pattern: /mixtral-8x7b/i, active: { low: 13, high: 13 }, total: { low: 47, high: 47 }, note: 'Mixtral 8x7B: 47B total, 13B active' },
  { pattern: /qwen3-235b-a22b/i, active: { low: 22, high: 22 }, total: { low: 235, high: 235 }, note: 'Qwen3 235B-A22B' },
  { pattern: /gpt-oss-120b/i, active: { low: 5.1, high: 5.1 }, total: { low: 117, high: 117 }, note: 'gpt-oss-120b: 117B total, 5.1B active' },
  { pattern: /gpt-oss-20b/i, active: { low: 3.6, high: 3.6 }, total: { low: 21, high: 21 }, note: 'gpt-oss-20b: 21B total, 3.6B active' },
  { pattern: /llama-4-maverick/i, active: { low: 17, high: 17 }, total: { low: 400, high: 400 }, note: 'Llama 4 Maverick: 400B total, 17B active' },
  { pattern: /llama-4-scout/i, active: { low: 17, high: 17 }, total: { low: 109, high: 109 }, note: 'Llama 4 Scout: 109B total, 17B active' },
  { pattern: /mistral-large/i, active: { low: 123, high: 123 }, note: 'Mistral Large 2: 123B dense' },
  // Undisclosed sizes: Ami's own deliberately wide guesses (not published figures), so the range says how little is known.
  { pattern: /claude.*opus/i, active: { low: 100, high: 600 }, note: 'Claude Opus: undisclosed, estimated' },
  { pattern: /claude.*sonnet/i, active: { low: 50, high: 300 }, note: 'Claude Sonnet: undisclosed, estimated' },
  { pattern: /claude.*haiku/i, active: { low: 10, high: 60 }, note: 'Claude Haiku: undisclosed, estimated' },
  { pattern: /gpt-4o-mini|gpt-4\.1-mini|gpt-5-mini/i, active: { low: 8, high: 40 }, note: 'OpenAI mini models: undisclosed, estimated' },
  { pattern: /gpt-4o|gpt-4\.1|gpt-5/i, active: { low: 100, high: 400 }, note: 'OpenAI GPT-4o/4.1/5: undisclosed, estimated' },
  { pattern: /gemini.*flash/i, active: { low: 10, high: 60 }, note: 'Gemini Flash: undisclosed, estimated' },
  { pattern: /gemini.*pro/i, active: { low: 60, high: 300 }, note: 'Gemini Pro: undisclosed, estimated' },
];

/** Any model Ami knows nothing about: from a small open model to the largest frontier ones. */
export const UNKNOWN_SIZE: Range = { low: 3, high: 600 };

export interface ModelSize {
  active: Range;
  total: Range;
  source: 'table' | 'id' | 'unknown';
}

/** Sizes written in ids: "24b", "70B", "8x7b", "0.5b" (a following letter, as in "24b-instruct", is fine). */
export function parseSizeFromId(id: string): Range | null {
  const moe = /(\d+)x(\d+(?:\.\d+)?)b(?![a-z0-9])/i.exec(id);
  if (moe) {
    const total = Number(moe[1]) * Number(moe[2]);
    return { low: total, high: total };
  }
  const m = /(?:^|[^a-z0-9.])(\d+(?:\.\d+)?)b(?![a-z0-9])/i.exec(id);
  if (!m) return null;
  const b = Number(m[1]);
  return b > 0 && b < 10_000 ? { low: b, high: b } : null;
}

export function modelSize(modelId: string | null): ModelSize {
  const id = modelId ?? '';
  const known = MODEL_SIZES.find((s) => s.pattern.test(id));
  if (known) return { active: known.active, total: known.total ?? known.active, source: 'table' };
  const parsed = parseSizeFromId(id);
  if (parsed) return { active: parsed, total: parsed, source: 'id' };
  return { active: UNKNOWN_SIZE, total: UNKNOWN_SIZE, source: 'unknown' };
}

const powerOfTwoAtLeast = (n: number) => (n <= 1 ? 1 : 2 ** Math.ceil(Math.log2(n)));

/** EcoLogits' energy of one request, Wh, for one choice of sizes and PUE. */
export function ecologitsEnergyWh(outputTokens: number, activeB: number, totalB: number, pue: number, batch: number = ECOLOGITS.batchSize): number {
  const c = ECOLOGITS;
  const gpuPerToken = c.gpuEnergyAlpha * Math.exp(c.gpuEnergyBeta * batch) * activeB + c.gpuEnergyGamma;
  const memoryGb = (1.2 * totalB * c.quantizationBits) / 8;
  const gpus = powerOfTwoAtLeast(Math.ceil(memoryGb / c.gpuMemoryGb));
  const gpuWh = outputTokens * gpuPerToken * gpus;
  const latencyS = outputTokens * (c.latencyAlpha * activeB + c.latencyBeta * batch + c.latencyGamma);
  const serverWh = (latencyS / 3600) * c.serverPowerKw * 1000 * (gpus / c.serverGpus) / batch;
  return pue * (gpuWh + serverWh);
}

export type Footprint =
  | { kind: 'estimate'; method: 'ecologits' | 'local'; energyWh: Range; co2eG: Range; sizeSource: ModelSize['source'] | null }
  | { kind: 'unknown'; reason: 'no_tokens' | 'no_local_power' | 'no_time' };

export interface FootprintInput {
  /** The model that served the reply (its id says its size). */
  model: string | null;
  outputTokens: number | null;
  local: boolean;
  /** Wall-clock time of the reply, for local models. */
  latencyMs: number | null;
  /** What the author's machine draws while answering, in W; null = not set. */
  localPowerW: number | null;
  /** gCO2e per kWh of the electricity used. */
  gridIntensity: number;
}

const ordered = (a: number, b: number): Range => ({ low: Math.min(a, b), high: Math.max(a, b) });

export function replyFootprint(input: FootprintInput): Footprint {
  const co2 = (wh: Range): Range => ({ low: (wh.low / 1000) * input.gridIntensity, high: (wh.high / 1000) * input.gridIntensity });
  if (input.local) {
    if (input.localPowerW === null || input.localPowerW <= 0) return { kind: 'unknown', reason: 'no_local_power' };
    if (input.latencyMs === null || input.latencyMs <= 0) return { kind: 'unknown', reason: 'no_time' };
    const wh = (input.localPowerW * input.latencyMs) / 3_600_000;
    // The machine draws its idle power anyway; what the reply adds lies between half the draw and all of it.
    const energyWh = { low: wh / 2, high: wh };
    return { kind: 'estimate', method: 'local', energyWh, co2eG: co2(energyWh), sizeSource: null };
  }
  if (input.outputTokens === null || input.outputTokens <= 0) return { kind: 'unknown', reason: 'no_tokens' };
  const size = modelSize(input.model);
  const low = ecologitsEnergyWh(input.outputTokens, size.active.low, size.total.low, PUE.low, BATCH_SIZES.high);
  const high = ecologitsEnergyWh(input.outputTokens, size.active.high, size.total.high, PUE.high, BATCH_SIZES.low);
  const energyWh = ordered(low, high);
  return { kind: 'estimate', method: 'ecologits', energyWh, co2eG: co2(energyWh), sizeSource: size.source };
}
