// Composition root of the desktop app: lifecycle, the secure window, the app:// protocol, the key store and the
// services behind IPC. Everything with logic lives in pure modules next to this file; this one only wires them.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, safeStorage, screen, session, shell } from 'electron';
import type { OpenDialogOptions } from 'electron';
import { join } from 'node:path';
import { createAppProtocolHandler } from './app-protocol.js';
import { appMenuTemplate } from './app-menu.js';
import type { Language, UiLanguageChoice } from '../shared/domain.js';
import { createI18n } from '../shared/i18n/create-i18n.js';
import { CATALOGUES } from '../shared/i18n/catalogues.js';
import { resolveUiLanguage } from '../shared/i18n/ui-language.js';
import { createEventSender, registerIpc } from './ipc/register-ipc.js';
import { createOpenRouterClient } from './llm/openrouter-client.js';
import { denyAllPermissions, guardWebContents } from './navigation-guard.js';
import { createOpenLink } from './open-link.js';
import { createSaveExport } from './save-export.js';
import { createServices, type Services } from './services/create-services.js';
import { configureSpellchecker } from './spellchecker.js';
import { safeStorageKeyStore } from './services/safe-storage-key-store.js';
import { endpointKeyStores } from './services/key-store.js';
import { APP_ENTRY_URL, APP_SCHEME, createAppWindow } from './window-config.js';
import { loadWindowState, MIN_SIZE, restoreBounds, saveWindowState, WINDOW_STATE_FILE } from './window-state.js';

const log = (line: string) => process.stderr.write(`[ami] ${line}\n`);

// AMI_DATA_DIR moves everything, Chromium's profile and the single-instance lock included, so that test runs and
// a second profile never touch the author's data.
if (process.env.AMI_DATA_DIR) app.setPath('userData', process.env.AMI_DATA_DIR);
const dataDir = app.getPath('userData');
const rendererDir = join(__dirname, '..', 'renderer');
const preloadPath = join(__dirname, 'preload.cjs');
const windowStateFile = join(dataDir, WINDOW_STATE_FILE);

// Must happen before 'ready': app:// behaves like https (origin, fetch, secure context) without any network.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;
let shutDown = false;

// Main's own words (menu, dialogs) follow the interface language: the system's until the stored choice is read,
// then whatever the author picks in Settings.
const i18n = createI18n(systemLanguage());
const t = i18n.t.bind(i18n);

function systemLanguage(choice?: UiLanguageChoice): Language {
  const preferred = app.isReady() ? app.getPreferredSystemLanguages() : [];
  return resolveUiLanguage(choice, preferred.length ? preferred : [app.getLocale()]);
}

let menuLanguage: Language | null = null;

function applyLanguage(choice?: UiLanguageChoice): void {
  const language = systemLanguage(choice);
  void i18n.changeLanguage(language);
  if (language === menuLanguage) return;
  menuLanguage = language;
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform, app.isPackaged, CATALOGUES[language].main.menu)));
}

const backgroundColor = () => (nativeTheme.shouldUseDarkColors ? '#1e1e1e' : '#fbfaf7');

function createWindow(): BrowserWindow {
  const initial = restoreBounds(loadWindowState(windowStateFile), screen.getAllDisplays());
  const win = createAppWindow(
    BrowserWindow,
    { x: initial.x, y: initial.y, width: initial.width, height: initial.height, minWidth: MIN_SIZE.width, minHeight: MIN_SIZE.height },
    preloadPath,
    backgroundColor(),
  );
  if (initial.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  const followTheme = () => {
    if (!win.isDestroyed()) win.setBackgroundColor(backgroundColor());
  };
  nativeTheme.on('updated', followTheme);

  // The page holds the close while a save is pending (beforeunload). Try again shortly so the save can land,
  // and give up holding after a few seconds rather than keep a window that cannot close.
  let unloadAttempts = 0;
  win.webContents.on('will-prevent-unload', (event) => {
    unloadAttempts += 1;
    if (unloadAttempts > 20) {
      log('closing although the page still reports unsaved text');
      event.preventDefault();
      return;
    }
    setTimeout(() => {
      if (!win.isDestroyed()) win.close();
    }, 150);
  });

  win.on('close', () => {
    try {
      saveWindowState(windowStateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch (err) {
      log(`window state not saved: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  win.on('closed', () => {
    nativeTheme.removeListener('updated', followTheme);
    if (mainWindow === win) mainWindow = null;
  });

  void win.loadURL(APP_ENTRY_URL);
  return win;
}

async function start(): Promise<void> {
  // First thing once the session exists: no dictionary download may start from the default address.
  const setSpellCheckLanguage = configureSpellchecker(session.defaultSession, log);
  applyLanguage();
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));

  const openLink = createOpenLink({
    confirm: async (url) => {
      const options = {
        type: 'question' as const,
        buttons: [t('main.openLink.open'), t('common.cancel')],
        defaultId: 1,
        cancelId: 1,
        message: t('main.openLink.message'),
        detail: url,
      };
      const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
      return response === 0;
    },
    // Reached only through createOpenLink, after the https: check and the author's confirmation.
    openExternal: (url) => shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK
  });

  services = createServices({
    dataDir,
    mode: 'electron',
    version: app.getVersion(),
    llm: createOpenRouterClient(),
    keyStore: safeStorageKeyStore({ safeStorage, file: join(dataDir, 'openrouter-key.enc'), env: process.env, log }),
    endpointKeys: endpointKeyStores((id) => safeStorageKeyStore({ safeStorage, file: join(dataDir, 'endpoint-keys', `${id}.enc`), env: {}, log })),
    emit: createEventSender(() => mainWindow),
    log,
    env: process.env,
    saveExport: createSaveExport({
      defaultDir: app.getPath('documents'),
      title: () => t('main.exportTitle'),
      showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
    }),
    openLink,
    setSpellCheckLanguage,
    chooseFolder: async (purpose) => {
      const options: OpenDialogOptions = {
        title: purpose === 'export' ? t('main.archive.exportTitle') : t('main.archive.importTitle'),
        defaultPath: app.getPath('documents'),
        properties: purpose === 'export' ? ['openDirectory', 'createDirectory'] : ['openDirectory'],
      };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    onUiLanguage: applyLanguage,
  });
  registerIpc(ipcMain, services.dispatch, log);
  const stored = await services.dispatch('settings:get', {});
  if (stored.ok) applyLanguage((stored.value as { uiLanguage?: UiLanguageChoice }).uiLanguage);

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, {
      // Only Ami's own window may move between its app:// pages; anything else stays where it is.
      allowAppNavigation: contents.getType() === 'window',
      onExternalLink: (url) => void openLink(url).catch(() => {}),
      log,
    });
  });

  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Two processes writing one database is how data gets lost: the first instance takes over.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      log(`could not start: ${message}`);
      dialog.showErrorBox(t('main.couldNotStart'), message);
      app.exit(1);
    });

  app.on('activate', () => {
    if (app.isReady() && services && !mainWindow) mainWindow = createWindow();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Windows close first (each page flushes its pending save through IPC), then streams are stopped, the replies
  // that were arriving are stored as interrupted, and the database is closed before the process exits.
  app.on('will-quit', (event) => {
    if (shutDown || !services) return;
    event.preventDefault();
    shutDown = true;
    const current = services;
    current
      .shutdown()
      .catch((err: unknown) => {
        log(`shutdown: ${err instanceof Error ? err.message : String(err)}`);
        current.close();
      })
      .finally(() => app.quit());
  });
}
