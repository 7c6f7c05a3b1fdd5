// Settings and request templates. The key itself is only ever handled by the KeyStore (invariant 6).
import { DEFAULT_BASE_URL, DEFAULT_MODEL, type Language, type RequestKind, type Settings, type Template, type UiLanguageChoice } from '../../shared/domain.js';
import { BUILTIN_TEMPLATES } from '../../seeds/templates.js';
import { WORLD_GRID_INTENSITY } from '../../shared/footprint.js';
import { fail } from './ami-error.js';
import type { ServiceContext } from './service-context.js';

export function settingsService(ctx: ServiceContext) {
  const { store } = ctx;

  function get(): Settings {
    return {
      // The environment wins so that browser mode and tests can point Ami at another server.
      baseUrl: ctx.env.OPENROUTER_BASE_URL?.trim() || store.settings.get<string>('baseUrl') || DEFAULT_BASE_URL,
      defaultModel: store.settings.get<string>('defaultModel') || DEFAULT_MODEL,
      dataCollection: store.settings.get<'deny' | 'allow'>('dataCollection') ?? 'deny',
      uiLanguage: store.settings.get<UiLanguageChoice>('uiLanguage') ?? 'auto',
      key: ctx.keyStore.status(),
      budgetMonthlyUsd: store.settings.get<number | null>('budgetMonthlyUsd') ?? null,
      budgetHardStop: store.settings.get<boolean>('budgetHardStop') ?? false,
      gridIntensity: store.settings.get<number>('gridIntensity') ?? WORLD_GRID_INTENSITY,
      localPowerW: store.settings.get<number | null>('localPowerW') ?? null,
    };
  }

  return {
    get,
    seed(): void {
      store.settings.seedTemplates(BUILTIN_TEMPLATES, ctx.now().toISOString());
    },
    update(patch: {
      baseUrl?: string;
      defaultModel?: string;
      dataCollection?: 'deny' | 'allow';
      uiLanguage?: UiLanguageChoice;
      budgetMonthlyUsd?: number | null;
      budgetHardStop?: boolean;
      gridIntensity?: number;
      localPowerW?: number | null;
    }): Settings {
      store.transaction(() => {
        for (const [key, value] of Object.entries(patch)) if (value !== undefined) store.settings.set(key, value);
      });
      const settings = get();
      if (patch.uiLanguage !== undefined) ctx.onUiLanguage?.(settings.uiLanguage);
      return settings;
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
    async models() {
      const s = get();
      return ctx.llm.listModels({ baseUrl: s.baseUrl, apiKey: ctx.keyStore.get() });
    },
  };
}

export type SettingsService = ReturnType<typeof settingsService>;
