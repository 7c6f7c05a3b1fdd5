// Composition of the use cases behind the contract. Electron's main process and browser mode both build Ami
// through this one function, so they serve the renderer identically.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { AmiEvent, ExportFile, Language, UiLanguageChoice } from '../../shared/domain.js';
import { writeFileSync } from 'node:fs';
import { createBackup, isBackupDue, listBackups } from '../db/backups.js';
import { openStoreSafely, RESTORE_REQUEST_FILE } from '../db/open-store-safely.js';
import { createDispatcher, type Dispatch, type Handlers } from '../ipc/dispatch.js';
import type { LlmClient } from '../llm/llm-client.js';
import { codedError } from '../llm/error-map.js';
import { fail } from './ami-error.js';
import { citationsService } from './citations-service.js';
import { consultationsService } from './consultations-service.js';
import { moneyService } from './money-service.js';
import { draftsService } from './drafts-service.js';
import { exportService } from './export-service.js';
import { guardService } from './guard-service.js';
import { archiveService } from './archive-service.js';
import type { EndpointKeys, KeyStore } from './key-store.js';
import { catalogueService } from './catalogue-service.js';
import { newId, type ServiceContext } from './service-context.js';
import { settingsService } from './settings-service.js';
import { welcomeDraft } from '../../seeds/welcome-draft.js';

export interface ServiceDeps {
  dataDir: string;
  mode: 'electron' | 'web';
  version: string;
  llm: LlmClient;
  keyStore: KeyStore;
  /** Electron: one encrypted key store per added endpoint. Browser mode stores none. */
  endpointKeys?: EndpointKeys;
  emit: (event: AmiEvent) => void;
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  saveExport?: (file: ExportFile) => Promise<{ path: string } | null>;
  openLink?: (url: string) => Promise<{ opened: boolean }>;
  /** Electron: the native folder picker. null when the author cancelled. */
  chooseFolder?: (purpose: 'export' | 'import') => Promise<string | null>;
  /** Electron: rebuilds the menu in the interface language the author chose. */
  onUiLanguage?: (choice: UiLanguageChoice) => void;
  /** Waits between look-ups of OpenRouter's generation record (tests shorten them). */
  generationRetryDelaysMs?: number[];
  /** Electron: points the session's spellchecker at the draft's language. */
  setSpellCheckLanguage?: (language: Language) => void;
}

export interface Services {
  dispatch: Dispatch;
  handlers: Handlers;
  /** Stops streams, waits briefly for their replies to be stored, then closes the database. */
  shutdown(): Promise<void>;
  /** Closes at once; replies still streaming are kept as interrupted. */
  close(): void;
}

export const DATABASE_FILE = 'ami.sqlite';

export function createServices(deps: ServiceDeps): Services {
  mkdirSync(deps.dataDir, { recursive: true });
  const now = deps.now ?? (() => new Date());
  const backupsDir = join(deps.dataDir, 'backups');
  const { store, notices } = openStoreSafely(deps.dataDir, join(deps.dataDir, DATABASE_FILE), backupsDir, now());
  const log = deps.log ?? (() => {});
  for (const notice of notices) log(notice);
  const ctx: ServiceContext = {
    store,
    llm: deps.llm,
    keyStore: deps.keyStore,
    endpointKeys: deps.endpointKeys,
    emit: deps.emit,
    now,
    newId,
    env: deps.env ?? process.env,
    log,
    onUiLanguage: deps.onUiLanguage,
  };

  const drafts = draftsService(ctx);
  const settings = settingsService(ctx);
  const catalogue = catalogueService(ctx, settings);
  const money = moneyService(ctx, settings, catalogue, { generationRetryDelaysMs: deps.generationRetryDelaysMs });
  const consultations = consultationsService(ctx, drafts, settings, money);
  const citations = citationsService(ctx);
  const guard = guardService(ctx);
  const archive = archiveService(ctx, deps.version);
  const exporter = exportService(ctx, drafts, citations, guard, deps.version, deps.saveExport);

  const markOrphans = () =>
    store.consultations.markOrphansInterrupted(ctx.now().toISOString(), codedError('cancelled', 'request.closed'));

  settings.seed();
  const orphans = markOrphans();
  if (orphans) log(`${orphans} reply(ies) left streaming by the last run were marked interrupted`);
  if (store.drafts.list(false).length === 0 && store.drafts.list(true).length === 0) {
    const welcome = welcomeDraft(ctx.env.LANG?.toLowerCase().startsWith('fr') ? 'fr' : 'en');
    drafts.create(welcome.title, welcome.text);
  }

  // A backup every 15 minutes while Ami runs (and one at start when due); never a copy of the live file.
  let backingUp: Promise<unknown> | null = null;
  const backupIfDue = () => {
    if (backingUp || !store.db.open || !isBackupDue(backupsDir, now())) return;
    backingUp = createBackup(store.db, backupsDir, now())
      .catch((err: unknown) => log(`backup failed: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => (backingUp = null));
  };
  backupIfDue();
  const backupTimer = setInterval(backupIfDue, 60_000);
  backupTimer.unref();

  const handlers: Handlers = {
    'app:info': () => ({ mode: deps.mode, version: deps.version, dataDir: deps.dataDir, notices }),
    'drafts:list': ({ trashed }) => drafts.list(trashed),
    'drafts:search': ({ query }) => drafts.search(query),
    'drafts:create': ({ title, text }) => drafts.create(title, text),
    'drafts:get': ({ id }) => drafts.get(id),
    'drafts:save': ({ id, text }) => drafts.save(id, text),
    'drafts:rename': ({ id, title }) => drafts.rename(id, title),
    'drafts:trash': ({ id }) => drafts.trash(id),
    'drafts:restore': ({ id }) => drafts.restore(id),
    'drafts:revisions': ({ draftId }) => drafts.revisions(draftId),
    'drafts:revision': ({ id }) => drafts.revision(id),
    'consultations:preview': (input) => consultations.preview(input),
    'consultations:ask': (input) => consultations.ask(input),
    'consultations:followUp': (input) => consultations.followUp(input),
    'consultations:askMany': (input) => consultations.askMany(input),
    'consultations:cancel': ({ replyId }) => consultations.cancel(replyId),
    'citations:list': ({ draftId }) => citations.list(draftId),
    'citations:annotate': ({ replyId, note }) => citations.annotate(replyId, note),
    'citations:setState': ({ replyId, state }) => citations.setState(replyId, state),
    'anchors:save': ({ draftId, anchors }) => citations.saveAnchors(draftId, anchors),
    'export:render': ({ draftId, format, acknowledgeModelWording }) => exporter.render(draftId, format, acknowledgeModelWording),
    'export:save': ({ draftId, format, acknowledgeModelWording }) => exporter.save(draftId, format, acknowledgeModelWording),
    'guard:check': ({ draftId, text }) => guard.check(text ?? drafts.get(draftId).text),
    'guard:replies': () => guard.replies(),
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
    'settings:setKey': ({ key }) => settings.setKey(key),
    'templates:list': () => settings.templates(),
    'templates:save': (input) => settings.saveTemplate(input),
    'templates:delete': ({ id }) => settings.deleteTemplate(id),
    'backups:list': () => listBackups(backupsDir),
    'backups:create': async () => {
      await backingUp;
      return createBackup(store.db, backupsDir, now());
    },
    'backups:restore': ({ file }) => {
      if (!listBackups(backupsDir).some((b) => b.file === file)) fail('not_found', 'This backup no longer exists.');
      writeFileSync(join(deps.dataDir, RESTORE_REQUEST_FILE), JSON.stringify({ file }));
      return { restartRequired: true as const };
    },
    'archive:export': async () => {
      const stamp = now().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
      const dir = deps.chooseFolder ? await deps.chooseFolder('export') : join(deps.dataDir, 'exports', `ami-archive-${stamp}`);
      return dir ? archive.exportAll(deps.chooseFolder ? join(dir, `ami-archive-${stamp}`) : dir) : null;
    },
    'archive:import': async ({ path }) => {
      const dir = path ?? (deps.chooseFolder ? await deps.chooseFolder('import') : fail('validation', 'Give the folder of the archive to import.'));
      return dir ? archive.importAll(dir) : null;
    },
    'usage:summary': (range) => store.usage.summary(range),
    'money:status': () => money.moneyStatus(),
    'models:list': ({ refresh }) => catalogue.list(refresh),
    'endpoints:save': (input) => settings.saveEndpoint(input),
    'endpoints:remove': ({ id }) => settings.removeEndpoint(id),
    'links:open': ({ url }) =>
      deps.openLink ? deps.openLink(url) : fail('unsupported', 'Links open in your browser directly in this mode.'),
    'spellcheck:setLanguage': ({ language }) => {
      if (!deps.setSpellCheckLanguage) return { applied: false };
      deps.setSpellCheckLanguage(language);
      return { applied: true };
    },
  };

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(backupTimer);
    consultations.stopAll();
    if (store.db.open) markOrphans();
    store.close();
  };

  return {
    dispatch: createDispatcher(handlers, log),
    handlers,
    async shutdown() {
      consultations.stopAll();
      await backingUp;
      await Promise.race([consultations.settle(), new Promise((r) => setTimeout(r, 2000))]);
      close();
    },
    close,
  };
}
