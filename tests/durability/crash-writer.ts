// Child process of the crash test: writes through the real storage module and prints "ack N" after each commit
// returned. The parent kills it with SIGKILL at a random moment.
import { openStore } from '../../electron/db/store.js';
import { draftsService } from '../../electron/services/drafts-service.js';
import { newId } from '../../electron/services/service-context.js';
import { crashText } from './crash-text.js';

const [file, draftId, startArg] = process.argv.slice(2) as [string, string, string];
const store = openStore(file);
let clock = Date.parse('2026-01-01T00:00:00Z');
const ctx = {
  store,
  llm: null as never,
  keyStore: null as never,
  emit: () => {},
  // Each save is 6 minutes after the previous one, so every save also appends a revision.
  now: () => new Date((clock += 6 * 60 * 1000)),
  newId,
  env: {},
  log: () => {},
};
const drafts = draftsService(ctx);
if (!store.drafts.get(draftId)) {
  store.transaction(() => {
    store.drafts.insert({ id: draftId, title: 'Crash', text: '', createdAt: new Date(0).toISOString() });
  });
}
process.stdout.write('ready\n');
for (let n = Number(startArg); ; n++) {
  drafts.save(draftId, crashText(n));
  process.stdout.write(`ack ${n}\n`);
}
