// Money: what a request may cost before it leaves, whether the author's budget lets it leave, and what a reply
// cost once it is back. Prices come from the server's model list (cached); OpenRouter's generation record gives
// the cost when the stream did not carry it.
import type { BudgetRefusal, MoneyStatus } from '../../shared/contract.js';
import { budgetDecision, budgetStatus, monthStart, type BudgetSettings, type BudgetStatus } from '../../shared/budget.js';
import { costFromTokens, estimateCost, worstCase, type CostEstimate, type ModelPrices } from '../../shared/cost-estimate.js';
import { isOpenRouter, type ChatMessage, type Reply, type RequestKind, type Route } from '../../shared/domain.js';
import { codedError } from '../llm/error-map.js';
import { AmiFailure } from './ami-error.js';
import type { ServiceContext } from './service-context.js';
import type { SettingsService } from './settings-service.js';
import type { CatalogueService } from './catalogue-service.js';

/** Waits before each look-up of a generation record: OpenRouter answers 404 for a few seconds after the stream. */
export const GENERATION_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];

const FREE: ModelPrices = { prompt: 0, completion: 0, request: 0 };

export interface MoneyOptions {
  generationRetryDelaysMs?: number[];
}

export function moneyService(ctx: ServiceContext, settings: SettingsService, catalogue: CatalogueService, options: MoneyOptions = {}) {
  const delays = options.generationRetryDelaysMs ?? GENERATION_RETRY_DELAYS_MS;
  /**
   * Whether requests to this server are paid for. OpenRouter's are; so are those to a server named by
   * OPENROUTER_BASE_URL, which stands in for OpenRouter (a proxy, a test server). Any other base URL is a local
   * model server: nothing to pay.
   */
  function billed(baseUrl: string): boolean {
    return isOpenRouter(baseUrl) === true || baseUrl === ctx.env.OPENROUTER_BASE_URL?.trim();
  }

  /** The prices of every model the catalogue lists at this base URL (it caches them a day; offline, its cache). */
  async function priceList(baseUrl: string): Promise<Map<string, ModelPrices> | null> {
    const listed = await catalogue.list(false).catch(() => null);
    if (!listed) return null;
    const endpoints = new Set(listed.endpoints.filter((e) => e.baseUrl === baseUrl).map((e) => e.id));
    if (endpoints.size === 0) return null;
    // A router's "-1" price is variable: the estimate says so rather than guessing.
    const VARIABLE: ModelPrices = { prompt: -1, completion: -1, request: null };
    return new Map(listed.models.filter((m) => endpoints.has(m.endpointId)).map((m) => [m.id, m.variablePrice ? VARIABLE : m.prices] as const));
  }

  /** The model's prices; FREE for a local server, null when they cannot be learnt. */
  async function prices(route: Route, model = route.requestedModel): Promise<ModelPrices | null> {
    if (!billed(route.baseUrl)) return FREE;
    const list = await priceList(route.baseUrl);
    return list?.get(model) ?? null;
  }

  function budgetSettings(): BudgetSettings {
    const s = settings.get();
    return { monthlyUsd: s.budgetMonthlyUsd, hardStop: s.budgetHardStop };
  }

  function spent(): { spentUsd: number; unknownCosts: number } {
    return ctx.store.consultations.spentSince(monthStart(ctx.now()));
  }

  function status(): BudgetStatus {
    const s = spent();
    return budgetStatus(budgetSettings(), s.spentUsd, s.unknownCosts);
  }

  function refusalFor(estimate: CostEstimate): BudgetRefusal | null {
    const decision = budgetDecision(budgetSettings(), spent().spentUsd, worstCase(estimate));
    return decision.allowed ? null : decision;
  }

  type EstimateInput = { route: Route; messages: ChatMessage[]; kind: RequestKind; passageChars: number };

  async function estimate(input: EstimateInput): Promise<{ estimate: CostEstimate; budget: BudgetStatus; refusal: BudgetRefusal | null }> {
    const value = estimateCost({ messages: input.messages, kind: input.kind, passageChars: input.passageChars, prices: await prices(input.route) });
    return { estimate: value, budget: status(), refusal: refusalFor(value) };
  }

  return {
    billed,
    estimate,

    /** Throws the budget's refusal when the hard stop forbids this request; nothing has been sent yet. */
    async check(input: EstimateInput): Promise<void> {
      const b = budgetSettings();
      if (b.monthlyUsd === null || !b.hardStop) return;
      const { estimate: value, refusal } = await estimate(input);
      if (!refusal) return;
      const common = { limit: refusal.limitUsd, spent: refusal.spentUsd, model: input.route.requestedModel };
      const code = refusal.reason === 'zero_budget' ? 'budget.zero' : refusal.reason === 'reached' ? 'budget.reached' : refusal.reason === 'unknown_cost' ? 'budget.unknown_cost' : 'budget.would_exceed';
      throw new AmiFailure(codedError('budget', code, { ...common, cost: worstCase(value) ?? 0 }));
    },

    async moneyStatus(): Promise<MoneyStatus> {
      const s = settings.get();
      const apiKey = ctx.keyStore.get();
      const key = apiKey && billed(s.baseUrl) && ctx.llm.keyUsage ? await ctx.llm.keyUsage({ baseUrl: s.baseUrl, apiKey }).catch(() => null) : null;
      return { budget: status(), hardStop: s.budgetHardStop, key };
    },

    /**
     * Once a reply has ended without a cost from the provider: nothing for a local server; else OpenRouter's
     * generation record (retried while it is not ready); else an estimate from its tokens and the model's prices.
     * Returns whether the stored cost changed.
     */
    async settleCost(reply: Reply, route: Route, apiKey: string, signal: AbortSignal): Promise<boolean> {
      if (reply.usage.cost !== null) return false;
      const store = ctx.store.consultations;
      if (!billed(route.baseUrl)) return store.setCost(reply.id, 0, 'local');
      if (reply.generationId && ctx.llm.generation && apiKey) {
        for (const delay of [0, ...delays]) {
          if (delay) await new Promise((r) => setTimeout(r, delay));
          if (signal.aborted || !ctx.store.db.open) return false;
          const found = await ctx.llm.generation({ baseUrl: route.baseUrl, apiKey, id: reply.generationId, signal }).catch(() => 'unavailable' as const);
          if (found === 'unavailable') break;
          if (found !== 'not_ready') {
            if (found.totalCost !== null) return store.setCost(reply.id, found.totalCost, 'generation');
            break;
          }
        }
      }
      if (signal.aborted || !ctx.store.db.open) return false;
      const estimated = costFromTokens(reply.usage.promptTokens, reply.usage.completionTokens, await prices(route, route.requestedModel));
      return estimated === null ? false : store.setCost(reply.id, estimated, 'estimate');
    },
  };
}

export type MoneyService = ReturnType<typeof moneyService>;
