// A stand-in for the 'electron' module, with just what electron/main.ts uses, recording every call. Tests mock
// 'electron' with it to run the real main.ts where no Electron binary exists: the wiring is then checked by what
// main.ts actually does, not by reading its source.
import { EventEmitter } from 'node:events';

type Call = { api: string; args: unknown[] };

export class FakeWebContents extends EventEmitter {
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  constructor(private readonly type: string = 'window') {
    super();
  }
  getType() {
    return this.type;
  }
  isDestroyed() {
    return false;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** Emits an event the way Electron 45 does and says whether a listener prevented it. */
  fire(event: string, url: string): boolean {
    let prevented = false;
    this.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents('window');
  loadedUrl: string | null = null;
  destroyed = false;
  constructor(readonly options: Record<string, any>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  maximize() {}
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: this.options.width, height: this.options.height };
  }
  setBackgroundColor() {}
  close() {
    this.emit('close', { preventDefault() {} });
    this.destroyed = true;
    this.emit('closed');
  }
}

function createFakeElectron() {
  const calls: Call[] = [];
  const record = (api: string) => (...args: unknown[]) => {
    calls.push({ api, args });
  };
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let isReady = false;
  const paths = new Map<string, string>([['documents', '/home/author/Documents']]);
  const messageBoxAnswers: number[] = [];

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    setPath: (name: string, value: string) => {
      calls.push({ api: 'app.setPath', args: [name, value] });
      paths.set(name, value);
    },
    getPath: (name: string) => {
      const value = paths.get(name);
      if (!value) throw new Error(`fake electron: no path for ${name}`);
      return value;
    },
    getVersion: () => '0.1.0-test',
    getLocale: () => 'en-US',
    getPreferredSystemLanguages: () => ['en-US'],
    enableSandbox: record('app.enableSandbox'),
    requestSingleInstanceLock: () => {
      calls.push({ api: 'app.requestSingleInstanceLock', args: [] });
      return true;
    },
    whenReady: () => ready,
    isReady: () => isReady,
    quit: record('app.quit'),
    exit: record('app.exit'),
  });

  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const protocolHandlers = new Map<string, (request: { url: string; method?: string }) => Promise<Response>>();
  const permissionHandlers: {
    request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: (contents: unknown, permission: string) => boolean;
  } = {};

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    dialog: {
      showMessageBox: async (...args: unknown[]) => {
        calls.push({ api: 'dialog.showMessageBox', args });
        return { response: messageBoxAnswers.shift() ?? 1, checkboxChecked: false };
      },
      showSaveDialog: async (...args: unknown[]) => {
        calls.push({ api: 'dialog.showSaveDialog', args });
        return { canceled: true };
      },
      showOpenDialog: async (...args: unknown[]) => {
        calls.push({ api: 'dialog.showOpenDialog', args });
        return { canceled: true, filePaths: [] };
      },
      showErrorBox: record('dialog.showErrorBox'),
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
        calls.push({ api: 'ipcMain.handle', args: [channel] });
        ipcHandlers.set(channel, handler);
      },
      removeHandler: (channel: string) => ipcHandlers.delete(channel),
      on: record('ipcMain.on'),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: record('Menu.setApplicationMenu'),
    },
    nativeTheme: Object.assign(new EventEmitter(), { shouldUseDarkColors: false }),
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => calls.push({ api: 'protocol.registerSchemesAsPrivileged', args: [schemes, { beforeReady: !isReady }] }),
      handle: (scheme: string, handler: (request: { url: string; method?: string }) => Promise<Response>) => {
        calls.push({ api: 'protocol.handle', args: [scheme] });
        protocolHandlers.set(scheme, handler);
      },
    },
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => {
        throw new Error('fake electron: no encryption');
      },
      decryptString: () => {
        throw new Error('fake electron: no encryption');
      },
      getSelectedStorageBackend: () => 'unknown',
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: NonNullable<typeof permissionHandlers.request>) => (permissionHandlers.request = h),
        setPermissionCheckHandler: (h: NonNullable<typeof permissionHandlers.check>) => (permissionHandlers.check = h),
        setSpellCheckerDictionaryDownloadURL: (url: string) => calls.push({ api: 'session.setSpellCheckerDictionaryDownloadURL', args: [url, { windows: FakeBrowserWindow.created.length }] }),
        setSpellCheckerLanguages: (languages: string[]) => calls.push({ api: 'session.setSpellCheckerLanguages', args: [languages] }),
      },
    },
    shell: { openExternal: async (url: string) => void calls.push({ api: 'shell.openExternal', args: [url] }) },
  };

  return {
    module,
    calls,
    ipcHandlers,
    protocolHandlers,
    permissionHandlers,
    /** Answers (button indexes) for the next message boxes; Cancel (1) when none is queued. */
    messageBoxAnswers,
    called: (api: string) => calls.filter((c) => c.api === api),
    makeReady: () => {
      isReady = true;
      markReady();
      app.emit('ready');
    },
  };
}

export const fakeElectron = createFakeElectron();
