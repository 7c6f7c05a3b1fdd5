// A catalogue shaped like OpenRouter's /models: mixed providers, string prices per token ("0" for free models,
// "-1" for routers), a few entries without pricing, expiration dates, image-output models that a picker must not
// offer, context lengths from 4K to 2M. Deterministic, so tests and benchmarks can name models in it.

const PROVIDERS = ['anthropic', 'openai', 'google', 'mistralai', 'meta-llama', 'qwen', 'deepseek', 'cohere', 'x-ai', 'nousresearch', 'microsoft', 'amazon'];
const FAMILIES = ['Nova', 'Aurora', 'Lumen', 'Cirrus', 'Atlas', 'Sable', 'Quill', 'Vesper', 'Orion', 'Lark', 'Basalt', 'Tide'];
const SIZES = ['mini', 'small', 'medium', 'large', 'pro', 'ultra'];
const CONTEXTS = [4096, 8192, 32768, 65536, 131072, 200000, 1000000, 2000000];

/** Models whose exact facts tests rely on; they come first. */
export const CATALOGUE_LANDMARKS = {
  /** Paid, 200K context, $3 / $15 per million. */
  paid: 'anthropic/claude-sonnet-4.5',
  free: 'mistralai/mistral-small-3.2-24b-instruct:free',
  router: 'openrouter/auto',
  noPricing: 'oddity/no-price-listed',
  /** Expires in 10 days from the generator's `now`. */
  expiringSoon: 'openai/gpt-4-turbo-legacy',
  imageOnly: 'google/imagen-fake-image-only',
  /** 8K context: a long draft does not fit. */
  smallContext: 'tiny/quill-8k',
} as const;

function model(id: string, name: string, pricing: Record<string, string> | undefined, context: number | null, extra: Record<string, unknown> = {}) {
  return {
    id,
    canonical_slug: id.replace(/:free$/, ''),
    name,
    created: 1_750_000_000,
    description: `${name}, a model of the test catalogue.`,
    context_length: context,
    ...(pricing ? { pricing } : {}),
    architecture: { input_modalities: ['text'], output_modalities: ['text'], tokenizer: 'Other', instruct_type: null, modality: 'text->text' },
    top_provider: { context_length: context, max_completion_tokens: null, is_moderated: false },
    per_request_limits: null,
    supported_parameters: ['max_tokens', 'temperature'],
    default_parameters: {},
    ...extra,
  };
}

const price = (prompt: string, completion: string) => ({ prompt, completion, request: '0', image: '0' });

export function generateCatalogue(count = 320, now = new Date()): unknown[] {
  const inDays = (d: number) => new Date(now.getTime() + d * 86_400_000).toISOString().slice(0, 10);
  const L = CATALOGUE_LANDMARKS;
  const list: unknown[] = [
    model(L.paid, 'Anthropic: Claude Sonnet 4.5', price('0.000003', '0.000015'), 200000),
    model(L.free, 'Mistral: Mistral Small 3.2 24B (free)', price('0', '0'), 131072),
    model(L.router, 'Auto Router', price('-1', '-1'), 2000000),
    model(L.noPricing, 'Oddity: No Price Listed', undefined, 32768),
    model(L.expiringSoon, 'OpenAI: GPT-4 Turbo (legacy)', price('0.00001', '0.00003'), 128000, { expiration_date: inDays(10) }),
    model(L.imageOnly, 'Google: Imagen (image only)', price('0.00004', '0.00004'), 4096, {
      architecture: { input_modalities: ['text'], output_modalities: ['image'], tokenizer: 'Other', instruct_type: null, modality: 'text->image' },
    }),
    model(L.smallContext, 'Tiny: Quill 8K', price('0.0000001', '0.0000002'), 8192),
  ];
  for (let i = 0; list.length < count; i++) {
    const provider = PROVIDERS[i % PROVIDERS.length]!;
    const family = FAMILIES[Math.floor(i / PROVIDERS.length) % FAMILIES.length]!;
    const size = SIZES[i % SIZES.length]!;
    const version = 1 + (i % 7);
    const free = i % 9 === 0;
    const id = `${provider}/${family.toLowerCase()}-${size}-${version}.${i}${free ? ':free' : ''}`;
    const name = `${provider}: ${family} ${size[0]!.toUpperCase()}${size.slice(1)} ${version}.${i}${free ? ' (free)' : ''}`;
    const input = ((i * 37) % 150) / 10 + 0.05; // $0.05 … $15 per million
    const pricing = i % 53 === 7 ? undefined : free ? price('0', '0') : price((input / 1e6).toExponential(3), ((input * 4) / 1e6).toFixed(10));
    const extra: Record<string, unknown> = {};
    if (i % 41 === 3) extra.expiration_date = inDays(i % 2 ? 400 : -5);
    if (i % 29 === 5) {
      extra.architecture = { input_modalities: ['text', 'image'], output_modalities: ['image'], tokenizer: 'Other', instruct_type: null, modality: 'text+image->image' };
    }
    list.push(model(id, name, pricing, CONTEXTS[i % CONTEXTS.length]!, extra));
  }
  return list;
}

/** A local server's /v1/models (Ollama, LM Studio, llama.cpp): ids only, no prices, no context length. */
export function localModels(ids: string[] = ['llama3.2:3b', 'mistral-nemo:12b', 'qwen2.5:7b-instruct']): unknown {
  return { object: 'list', data: ids.map((id) => ({ id, object: 'model', created: 1_730_000_000, owned_by: 'library' })) };
}
