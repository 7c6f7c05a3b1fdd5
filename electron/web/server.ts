// Entry point of `npm run web`: Ami in the browser. Environment: AMI_DATA_DIR, AMI_PORT, OPENROUTER_API_KEY,
// OPENROUTER_BASE_URL, AMI_IDLE_TIMEOUT_MS. The key comes only from the environment in this mode.
import { dirname, join } from 'node:path';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { AmiEvent } from '../../shared/domain.js';
import { createOpenRouterClient } from '../llm/openrouter-client.js';
import { createServices } from '../services/create-services.js';
import { envKeyStore } from '../services/key-store.js';
import { startWebServer, type WebServer } from './web-server.js';

/**
 * The port browser mode listens on unless AMI_PORT says otherwise. Fixed so that a restarted Ami comes back on the
 * same origin: a window left open can then reconnect with the new token and save its unsaved text.
 */
const DEFAULT_WEB_PORT = 47615;

/** The same folder Electron uses for Ami's userData, so both modes see the same drafts. */
function defaultDataDir(): string {
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Ami');
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Ami');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Ami');
}

const here = dirname(fileURLToPath(import.meta.url));
const log = (line: string) => process.stderr.write(`[ami] ${line}\n`);
const dataDir = process.env.AMI_DATA_DIR?.trim() || defaultDataDir();
const portSet = process.env.AMI_PORT !== undefined && process.env.AMI_PORT.trim() !== '';
const port = portSet ? Number(process.env.AMI_PORT) : DEFAULT_WEB_PORT;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  log(`AMI_PORT must be a port number, not "${process.env.AMI_PORT}".`);
  process.exit(2);
}

// How long a reply may stay silent before it counts as stalled; tests shorten it to reach the stall message.
const idleTimeoutMs = process.env.AMI_IDLE_TIMEOUT_MS ? Number(process.env.AMI_IDLE_TIMEOUT_MS) : undefined;
if (idleTimeoutMs !== undefined && !(Number.isInteger(idleTimeoutMs) && idleTimeoutMs > 0)) {
  log(`AMI_IDLE_TIMEOUT_MS must be a positive number of milliseconds, not "${process.env.AMI_IDLE_TIMEOUT_MS}".`);
  process.exit(2);
}

let web: WebServer | undefined;
const services = (() => {
  try {
    return createServices({
      dataDir,
      mode: 'web',
      version: process.env.npm_package_version ?? '0.1.0',
      llm: createOpenRouterClient(idleTimeoutMs ? { idleTimeoutMs } : {}),
      keyStore: envKeyStore(process.env),
      emit: (event: AmiEvent) => web?.emit(event),
      log,
    });
  } catch (err) {
    log(`could not open the data in ${dataDir}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
})();

// AMI_PORT is the author's explicit choice: if it is taken, Ami stops with the error rather than move elsewhere.
web = await startWebServer({ dispatch: services.dispatch, rendererDir: join(here, '..', 'renderer'), port, portFallback: !portSet, log });
process.stdout.write(`Ami is running at ${web.url}\n`);
process.stdout.write(`Data: ${dataDir}${process.env.OPENROUTER_API_KEY ? '' : ' (no OPENROUTER_API_KEY set: asking models is disabled)'}\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await services.shutdown();
    await web?.close();
    process.exit(0);
  });
}
