// Autosave of a 1 MB draft through the real drafts service (transaction, revision policy, FTS update), beside a bare
// UPDATE of the same text in a table without triggers (the baseline), both on a real file with synchronous=FULL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../electron/db/store.js';
import { draftsService } from '../electron/services/drafts-service.js';
import { newId } from '../electron/services/service-context.js';
import { ms, ratio, report, time } from './measure.js';

export function autosaveBench(): void {
  const dir = mkdtempSync(join(tmpdir(), 'ami-bench-'));
  try {
    const store = openStore(join(dir, 'ami.sqlite'));
    let clock = Date.now();
    const drafts = draftsService({ store, llm: null as never, keyStore: null as never, emit: () => {}, now: () => new Date((clock += 1000)), newId, env: {}, log: () => {} });
    const line = "Une phrase d'essai, écrite par l'auteur, avec des accents et de la ponctuation. ";
    const base = line.repeat(Math.ceil(1_000_000 / line.length)).slice(0, 1_000_000);
    const draft = drafts.create('Bench', base);
    store.db.exec('CREATE TABLE plain (id INTEGER PRIMARY KEY, text TEXT)');
    store.db.prepare('INSERT INTO plain (id, text) VALUES (1, ?)').run(base);
    const update = store.db.prepare('UPDATE plain SET text = ? WHERE id = 1');
    let n = 0;
    const baseline = time(() => void update.run(base + n++), 30);
    const save = time(() => void drafts.save(draft.id, base + n++), 30);
    store.close();
    report('Autosave — 1 MB draft, real file, synchronous=FULL', [
      ['baseline: bare UPDATE of 1 MB', `p50 ${ms(baseline.p50)}  p95 ${ms(baseline.p95)}`],
      ['drafts:save (transaction, revisions, full-text index)', `p50 ${ms(save.p50)}  p95 ${ms(save.p95)}  = ${ratio(save.p50, baseline.p50)} baseline`],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
