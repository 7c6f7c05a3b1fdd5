// The one IPC contract. Each channel is declared once, as `domain:verb`, with a zod schema for its input and the
// type of its output. Preload, main, the browser-mode bridge and the renderer all derive their types from here.
import { z } from 'zod';
import type { ChannelName } from './channels.js';
import type { BudgetDecision, BudgetStatus } from './budget.js';
import type { CostEstimate } from './cost-estimate.js';
import { LANGUAGES, REQUEST_KINDS, UI_LANGUAGE_CHOICES } from './domain.js';
import type {
  BackupInfo,
  GuardReplyInfo,
  GuardReport,
  Citation,
  Draft,
  DraftSummary,
  ExportFile,
  ModelInfo,
  Revision,
  RevisionSummary,
  SearchHit,
  Settings,
  Template,
  UsageRow,
  ChatMessage,
  KeyUsage,
  Passage,
  Route,
  AmiError,
} from './domain.js';

/** Largest draft Ami accepts, in UTF-16 code units (about 1.5 million words). Larger input is refused clearly. */
export const MAX_DRAFT_CHARS = 10_000_000;
export const MAX_TITLE_CHARS = 500;
export const MAX_QUESTION_CHARS = 20_000;
export const MAX_NOTE_CHARS = 50_000;
export const MAX_TEMPLATE_CHARS = 20_000;

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const draftText = z.string().max(MAX_DRAFT_CHARS);
const title = z.string().max(MAX_TITLE_CHARS);
const kind = z.enum([...REQUEST_KINDS, 'custom']);
const model = z.string().trim().min(1).max(200);

const askFields = {
    draftId: id,
    /** The draft text as the editor has it now: stored as a revision, sent as context. */
    text: draftText,
    from: z.number().int().min(0),
    to: z.number().int().min(0),
    kind,
    templateId: id.optional(),
    question: z.string().max(MAX_QUESTION_CHARS).default(''),
    model: model.optional(),
    /** The server to ask; the default one in Settings when absent. */
    endpointId: id.optional(),
    /** Links a new consultation to an older one asked about an earlier version of the passage. */
    previousId: id.optional(),
};
const passageInDraft = (a: { from: number; to: number; text: string }) => a.from < a.to && a.to <= a.text.length;
const passageMessage = { message: 'The passage must be a non-empty range of the draft.' };
const askInput = z.object(askFields).strict().refine(passageInDraft, passageMessage);

/** Most models one question may be asked of at once (the main one and three more). */
export const MAX_OPINION_MODELS = 4;
/** The same question of two to four different models: each its own consultation, grouped to be compared. */
const { model: _oneModel, ...askManyFields } = askFields;
const askManyInput = z
  .object({ ...askManyFields, models: z.array(model).min(2).max(MAX_OPINION_MODELS) })
  .strict()
  .refine(passageInDraft, passageMessage)
  .refine((a) => new Set(a.models).size === a.models.length, { message: 'Each model can be asked only once.' });
export type AskManyInput = z.infer<typeof askManyInput>;
const isoTime = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 time');

export type AskInput = z.infer<typeof askInput>;

/** Exactly what will leave the machine if the author sends this question. */
export interface AskPreview {
  messages: ChatMessage[];
  route: Route;
  passage: Passage;
  templateName: string;
  draftChars: number;
  keySet: boolean;
  /** What this request may cost, estimated from the messages above and the model's prices. */
  estimate: CostEstimate;
  /** This month's budget and spend, and whether this request would be refused by the hard stop. */
  budget: BudgetStatus;
  refusal: BudgetRefusal | null;
}

export type BudgetRefusal = Extract<BudgetDecision, { allowed: false }>;

/** The budget as Settings shows it: the month's spend from the stored replies, and what OpenRouter says of the key. */
export interface MoneyStatus {
  budget: BudgetStatus;
  hardStop: boolean;
  key: KeyUsage | null;
}

/** One endpoint's part of the catalogue: when it was fetched, and why it could not be this time. */
export interface CatalogueEndpoint {
  id: string;
  name: string;
  baseUrl: string;
  local: boolean;
  /** When the models shown were fetched; null when there is no cache and the fetch failed. */
  fetchedAt: string | null;
  /** The models shown come from the cache because the endpoint could not be read now. */
  offline: boolean;
  error?: AmiError;
  /** The endpoint listed more models than Ami keeps. */
  truncated?: { kept: number; listed: number };
}

export interface Catalogue {
  /** Text-output models only, each with its endpoint, in the order each endpoint listed them. */
  models: ModelInfo[];
  endpoints: CatalogueEndpoint[];
}

export interface AskStarted {
  consultationId: string;
  replyId: string;
  /** null until the first text arrives: a request that fails before is not a citation. */
  citationNumber: number | null;
}

/** An AmiError read back from outside (an archive, a stored row): nothing is trusted but its shape. */
export const amiErrorSchema = z.object({
  kind: z.string().max(40),
  message: z.string().max(100_000),
  code: z.string().max(80).optional(),
  params: z.record(z.string().max(80), z.union([z.string().max(10_000), z.number()])).optional(),
  detail: z.string().max(100_000).optional(),
  status: z.number().optional(),
  retryAt: z.string().max(40).optional(),
  reasons: z.array(z.string().max(100_000)).max(50).optional(),
});

const out = <T>() => undefined as unknown as T;
export const EXPORT_FORMATS = ['markdown', 'html', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
const exportInput = z
  .object({ draftId: id, format: z.enum(EXPORT_FORMATS), acknowledgeModelWording: z.boolean().default(false) })
  .strict();
const none = z.object({}).strict().default({});

export const contract = {
  /** notices: what happened while opening the data (a damaged database set aside, a backup restored). */
  'app:info': { input: none, output: out<{ mode: 'electron' | 'web'; version: string; dataDir: string; notices: string[] }>() },

  'drafts:list': { input: z.object({ trashed: z.boolean().default(false) }).strict(), output: out<DraftSummary[]>() },
  'drafts:search': { input: z.object({ query: z.string().trim().min(1).max(500) }).strict(), output: out<SearchHit[]>() },
  'drafts:create': { input: z.object({ title: title.default(''), text: draftText.default('') }).strict(), output: out<Draft>() },
  'drafts:get': { input: z.object({ id }).strict(), output: out<Draft>() },
  'drafts:save': {
    input: z.object({ id, text: draftText }).strict(),
    output: out<{ updatedAt: string; revisionId: string | null }>(),
  },
  'drafts:rename': { input: z.object({ id, title }).strict(), output: out<Draft>() },
  'drafts:trash': { input: z.object({ id }).strict(), output: out<Draft>() },
  'drafts:restore': { input: z.object({ id }).strict(), output: out<Draft>() },
  'drafts:revisions': { input: z.object({ draftId: id }).strict(), output: out<RevisionSummary[]>() },
  'drafts:revision': { input: z.object({ id }).strict(), output: out<Revision>() },

  'consultations:preview': { input: askInput, output: out<AskPreview>() },
  'consultations:ask': { input: askInput, output: out<AskStarted>() },
  'consultations:followUp': {
    input: z.object({ consultationId: id, question: z.string().trim().min(1).max(MAX_QUESTION_CHARS), model: model.optional() }).strict(),
    output: out<AskStarted>(),
  },
  /** A second opinion: the same passage and request of several models at once; one AskStarted per model, in order. */
  'consultations:askMany': { input: askManyInput, output: out<AskStarted[]>() },
  'consultations:cancel': { input: z.object({ replyId: id }).strict(), output: out<{ cancelled: boolean }>() },

  'citations:list': { input: z.object({ draftId: id }).strict(), output: out<Citation[]>() },
  'citations:annotate': { input: z.object({ replyId: id, note: z.string().max(MAX_NOTE_CHARS) }).strict(), output: out<void>() },
  'citations:setState': { input: z.object({ replyId: id, state: z.enum(['kept', 'dismissed']) }).strict(), output: out<void>() },
  'anchors:save': {
    input: z
      .object({
        draftId: id,
        anchors: z
          .array(
            z.object({
              consultationId: id,
              from: z.number().int().min(0),
              to: z.number().int().min(0),
              status: z.enum(['current', 'edited', 'lost']),
            }).strict(),
          )
          .max(100_000),
      })
      .strict(),
    output: out<void>(),
  },

  /**
   * markdown and html: the draft verbatim plus the appendix; json: the provenance record (every citation's record,
   * the statement's facts, the guard's result, hashes). When the draft holds unquoted model wording, export fails
   * with 'needs_confirmation' unless acknowledgeModelWording is true; the statement then lists those spans.
   */
  'export:render': { input: exportInput, output: out<ExportFile>() },
  /** Electron only: asks where to save with the native dialog. null when the author cancelled the dialog. */
  'export:save': { input: exportInput, output: out<{ path: string } | null>() },

  /** Checks the draft (as stored, or the given text) against every stored reply. */
  'guard:check': { input: z.object({ draftId: id, text: draftText.optional() }).strict(), output: out<GuardReport>() },
  /** Every stored reply's text, for the editor's incremental check and paste guard. */
  'guard:replies': { input: none, output: out<GuardReplyInfo[]>() },

  'settings:get': { input: none, output: out<Settings>() },
  'settings:update': {
    input: z
      .object({
        baseUrl: z.string().trim().url().max(500).refine((u) => /^https?:\/\//.test(u), 'http(s) only').optional(),
        defaultModel: model.optional(),
        defaultEndpointId: id.optional(),
        /** modelKey()s of the starred models. */
        favouriteModels: z.array(z.string().min(3).max(300)).max(500).optional(),
        dataCollection: z.enum(['deny', 'allow']).optional(),
        /** The interface language; main rebuilds its menu in it. */
        uiLanguage: z.enum(UI_LANGUAGE_CHOICES).optional(),
        /** USD per month; null removes the budget; 0 allows only what is free. */
        budgetMonthlyUsd: z.number().finite().min(0).max(1_000_000).nullable().optional(),
        budgetHardStop: z.boolean().optional(),
        gridIntensity: z.number().finite().min(0).max(2000).optional(),
        localPowerW: z.number().finite().positive().max(10_000).nullable().optional(),
      })
      .strict(),
    output: out<Settings>(),
  },
  /** Electron only: the key goes to main and never comes back; null forgets it. */
  'settings:setKey': { input: z.object({ key: z.string().trim().min(1).max(500).nullable() }).strict(), output: out<Settings>() },

  'templates:list': { input: none, output: out<Template[]>() },
  'templates:save': {
    input: z
      .object({
        id: id.optional(),
        kind,
        language: z.enum(LANGUAGES),
        name: z.string().trim().min(1).max(100),
        instruction: z.string().trim().min(1).max(MAX_TEMPLATE_CHARS),
      })
      .strict(),
    output: out<Template>(),
  },
  'templates:delete': { input: z.object({ id }).strict(), output: out<void>() },

  'backups:list': { input: none, output: out<BackupInfo[]>() },
  'backups:create': { input: none, output: out<BackupInfo>() },
  /** Restoring replaces the database, so it happens at the next start; the current one is kept aside. */
  'backups:restore': {
    input: z.object({ file: z.string().regex(/^ami-\d{8}T\d{9}Z\.sqlite$/) }).strict(),
    output: out<{ restartRequired: true }>(),
  },

  /** Everything, as a plain folder of Markdown + JSON. Electron asks for the folder; browser mode writes under the data folder. */
  'archive:export': { input: none, output: out<{ path: string; drafts: number } | null>() },
  /** Reads such a folder back. Drafts already in Ami are left as they are. path is required in browser mode. */
  'archive:import': {
    input: z.object({ path: z.string().min(1).max(4096).optional() }).strict(),
    output: out<{ imported: number; skipped: number; notes: string[] } | null>(),
  },

  /** Stored replies per month (UTC) and per model; from inclusive, to exclusive. */
  'usage:summary': { input: z.object({ from: isoTime.optional(), to: isoTime.optional() }).strict(), output: out<UsageRow[]>() },

  /** The month's spend against the budget, and the key's usage from OpenRouter when the key allows it. */
  'money:status': { input: none, output: out<MoneyStatus>() },
  /** Every endpoint's models, from the cache when fetched within a day; refresh fetches them all again now. */
  'models:list': { input: z.object({ refresh: z.boolean().default(false) }).strict().default({ refresh: false }), output: out<Catalogue>() },
  /** Adds (no id) or changes a server. key: absent keeps the stored one, null forgets it; it never comes back. */
  'endpoints:save': {
    input: z
      .object({
        id: id.optional(),
        name: z.string().trim().min(1).max(100),
        baseUrl: z.string().trim().url().max(500).refine((u) => /^https?:\/\//.test(u), 'http(s) only'),
        key: z.string().trim().min(1).max(500).nullable().optional(),
      })
      .strict(),
    output: out<Settings>(),
  },
  'endpoints:remove': { input: z.object({ id }).strict(), output: out<Settings>() },
  /** Opens an https: link from a reply in the system browser, after the author confirmed. */
  'links:open': { input: z.object({ url: z.string().url().max(4000) }).strict(), output: out<{ opened: boolean }>() },
  /**
   * The language the editor's spellchecker should check the open draft in. Electron sets its session's
   * spellchecker languages (applied: true); browser mode leaves it to the browser and the page's lang (false).
   */
  'spellcheck:setLanguage': { input: z.object({ language: z.enum(LANGUAGES) }).strict(), output: out<{ applied: boolean }>() },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = Contract[C]['output'];
export { CHANNELS } from './channels.js';

// The channel list the preload uses must name exactly the contract's channels: a compile error otherwise.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelsMatchContract: SameKeys<Channel, ChannelName> = true;
void channelsMatchContract;

/** The API the renderer sees (window.ami in Electron, an HTTP bridge in browser mode). */
export type AmiApi = {
  [C in Channel]: (input: Input<C>) => Promise<import('./domain.js').Result<Output<C>>>;
} & {
  /** Subscribes to streaming events; returns the unsubscribe function. */
  onEvent(listener: (event: import('./domain.js').AmiEvent) => void): () => void;
};
