// Settings and request templates. The key itself is only ever handled by the KeyStore (invariant 6).
import { DEFAULT_MODEL, modelKey, OPENROUTER_ENDPOINT_ID, type Language, type RequestKind, type Settings, type Template, type UiLanguageChoice } from '../../shared/domain.js';
import { BUILTIN_TEMPLATES } from '../../seeds/templates.js';
import { WORLD_GRID_INTENSITY } from '../../shared/footprint.js';
import { fail } from './ami-error.js';
import type { ServiceContext } from './service-context.js';
import { refusingEndpointKeys } from './key-store.js';
import { endpointInfo, endpointsOf, type Endpoint, type StoredEndpoint } from './endpoints.js';

/** How many recently used models Settings remembers. */
export const MAX_RECENT_MODELS = 8;

export function settingsService(ctx: ServiceContext) {
  const { store } = ctx;

  function get(): Settings {
    const endpoints = endpointsOf(ctx);
    const defaultEndpointId = store.settings.get<string>('defaultEndpointId') ?? OPENROUTER_ENDPOINT_ID;
    return {
      // The environment wins so that browser mode and tests can point Ami at another server.
      baseUrl: endpoints[0]!.baseUrl,
      defaultModel: store.settings.get<string>('defaultModel') || DEFAULT_MODEL,
      dataCollection: store.settings.get<'deny' | 'allow'>('dataCollection') ?? 'deny',
      uiLanguage: store.settings.get<UiLanguageChoice>('uiLanguage') ?? 'auto',
      key: ctx.keyStore.status(),
      budgetMonthlyUsd: store.settings.get<number | null>('budgetMonthlyUsd') ?? null,
      budgetHardStop: store.settings.get<boolean>('budgetHardStop') ?? false,
      gridIntensity: store.settings.get<number>('gridIntensity') ?? WORLD_GRID_INTENSITY,
      localPowerW: store.settings.get<number | null>('localPowerW') ?? null,
      endpoints: endpoints.map(endpointInfo),
      defaultEndpointId: endpoints.some((e) => e.id === defaultEndpointId) ? defaultEndpointId : OPENROUTER_ENDPOINT_ID,
      favouriteModels: store.settings.get<string[]>('favouriteModels') ?? [],
      recentModels: store.settings.get<string[]>('recentModels') ?? [],
    };
  }

  /** The endpoint of this id; the default one when none is named. */
  function endpoint(id?: string): Endpoint {
    const all = endpointsOf(ctx);
    const wanted = id ?? get().defaultEndpointId;
    return all.find((e) => e.id === wanted) ?? fail('not_found', 'This server is no longer in Settings. Choose a model of another server.');
  }

  return {
    get,
    seed(): void {
      store.settings.seedTemplates(BUILTIN_TEMPLATES, ctx.now().toISOString());
    },
    endpoint,
    endpoints: () => endpointsOf(ctx),
    update(patch: {
      baseUrl?: string;
      defaultModel?: string;
      defaultEndpointId?: string;
      dataCollection?: 'deny' | 'allow';
      uiLanguage?: UiLanguageChoice;
      favouriteModels?: string[];
      budgetMonthlyUsd?: number | null;
      budgetHardStop?: boolean;
      gridIntensity?: number;
      localPowerW?: number | null;
    }): Settings {
      if (patch.defaultEndpointId !== undefined) endpoint(patch.defaultEndpointId);
      store.transaction(() => {
        for (const [key, value] of Object.entries(patch)) if (value !== undefined) store.settings.set(key, value);
      });
      const settings = get();
      if (patch.uiLanguage !== undefined) ctx.onUiLanguage?.(settings.uiLanguage);
      return settings;
    },
    /** Adds or changes a server. key: undefined keeps the stored one, null forgets it. */
    saveEndpoint(input: { id?: string; name: string; baseUrl: string; key?: string | null }): Settings {
      const list = store.settings.get<StoredEndpoint[]>('endpoints') ?? [];
      if (input.id && !list.some((e) => e.id === input.id)) fail('not_found', 'This server is no longer in Settings.');
      const id = input.id ?? ctx.newId();
      const entry: StoredEndpoint = { id, name: input.name, baseUrl: input.baseUrl };
      // The key first: when it cannot be stored, the server is not saved half-way.
      if (input.key !== undefined) (ctx.endpointKeys ?? refusingEndpointKeys)(id).set(input.key);
      store.transaction(() => {
        store.settings.set('endpoints', input.id ? list.map((e) => (e.id === id ? entry : e)) : [...list, entry]);
        // A server at another address has another catalogue.
        if (input.id && list.find((e) => e.id === id)?.baseUrl !== input.baseUrl) store.models.remove(id);
      });
      return get();
    },
    removeEndpoint(id: string): Settings {
      if (id === OPENROUTER_ENDPOINT_ID) fail('validation', 'The OpenRouter server cannot be removed; change its base URL instead.');
      const list = store.settings.get<StoredEndpoint[]>('endpoints') ?? [];
      if (!list.some((e) => e.id === id)) fail('not_found', 'This server is no longer in Settings.');
      ctx.endpointKeys?.(id).set(null);
      store.transaction(() => {
        store.settings.set('endpoints', list.filter((e) => e.id !== id));
        store.models.remove(id);
        if (store.settings.get<string>('defaultEndpointId') === id) store.settings.set('defaultEndpointId', OPENROUTER_ENDPOINT_ID);
      });
      return get();
    },
    /** Remembers a model just asked, for the picker's "recently used". */
    noteRecent(endpointId: string, model: string): void {
      const key = modelKey(endpointId, model);
      const recent = store.settings.get<string[]>('recentModels') ?? [];
      store.settings.set('recentModels', [key, ...recent.filter((k) => k !== key)].slice(0, MAX_RECENT_MODELS));
    },
    setKey(key: string | null): Settings {
      ctx.keyStore.set(key);
      return get();
    },
    templates: () => store.settings.templates(),
    /** The template for a request: the one chosen, else the built-in (or edited built-in) for the kind and language. */
    templateFor(kind: RequestKind, language: Language, templateId?: string): Template {
      if (templateId) return store.settings.template(templateId) ?? fail('not_found', 'This request template no longer exists.');
      const all = store.settings.templates();
      return (
        all.find((t) => t.builtin && t.kind === kind && t.language === language) ??
        all.find((t) => t.builtin && t.kind === kind) ??
        fail('validation', 'Choose a request template for a custom request.')
      );
    },
    saveTemplate(input: { id?: string; kind: RequestKind; language: Language; name: string; instruction: string }): Template {
      const existing = input.id ? store.settings.template(input.id) : undefined;
      if (input.id && !existing) fail('not_found', 'This request template no longer exists.');
      const id = existing?.id ?? ctx.newId();
      store.settings.saveTemplate({ ...input, id, builtin: existing?.builtin ?? false, updatedAt: ctx.now().toISOString() });
      return store.settings.template(id)!;
    },
    deleteTemplate(id: string): void {
      const t = store.settings.template(id) ?? fail('not_found', 'This request template no longer exists.');
      if (t.builtin) fail('validation', 'Built-in templates can be edited but not deleted.');
      store.settings.deleteTemplate(id);
    },
  };
}

export type SettingsService = ReturnType<typeof settingsService>;
