// Everything the author has, as a plain folder: each draft's text as Markdown (byte for byte) beside a JSON file
// with its revisions, consultations and replies, and a manifest. Import reads such a folder back; a draft whose
// Markdown was edited outside Ami comes back with that text as a new revision.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { DraftHistory } from '../db/archive-table.js';
import { fail } from './ami-error.js';
import { ARCHIVE_FORMAT, historySchema, MANIFEST_FILE, manifestSchema } from './archive-schema.js';
import { exportFilename } from './export-service.js';
import { sha256, type ServiceContext } from './service-context.js';

const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface ImportReport {
  imported: number;
  skipped: number;
  /** One sentence per draft that could not be imported or was changed on the way. */
  notes: string[];
}

/** `nulAllowedFor`: a draft may hold NUL characters, so its own Markdown, unchanged, may too; any other file may not. */
function readText(file: string, nulAllowedFor?: string): string {
  if (statSync(file).size > MAX_FILE_BYTES) throw new Error('larger than 256 MB');
  const bytes = readFileSync(file);
  if (bytes.includes(0) && (nulAllowedFor === undefined || Buffer.compare(bytes, Buffer.from(nulAllowedFor)) !== 0)) throw new Error('not a text file');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('not UTF-8 text');
  }
}

export function archiveService(ctx: ServiceContext, appVersion: string) {
  const { store } = ctx;
  return {
    exportAll(dir: string): { path: string; drafts: number } {
      mkdirSync(join(dir, 'drafts'), { recursive: true });
      const entries = store.archive.draftIds().map((id) => {
        const history = store.archive.history(id);
        const base = exportFilename(history.draft.title || 'Draft', 'markdown').replace(/\.md$/, '');
        const name = `drafts/${base} (${id.slice(0, 8)})`;
        writeFileSync(join(dir, `${name}.md`), history.draft.text);
        writeFileSync(join(dir, `${name}.json`), JSON.stringify(history, null, 1));
        return { id, title: history.draft.title, text: `${name}.md`, history: `${name}.json` };
      });
      const manifest = { format: ARCHIVE_FORMAT, exportedAt: ctx.now().toISOString(), appVersion, drafts: entries };
      writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 1));
      return { path: dir, drafts: entries.length };
    },

    importAll(dir: string): ImportReport {
      let manifest;
      try {
        manifest = manifestSchema.parse(JSON.parse(readText(join(dir, MANIFEST_FILE))));
      } catch {
        fail('validation', `This folder is not an Ami archive (${MANIFEST_FILE} is missing or unreadable). Nothing was imported.`);
      }
      const report: ImportReport = { imported: 0, skipped: 0, notes: [] };
      const root = resolve(dir);
      const inside = (p: string) => {
        const full = resolve(root, p);
        if (full !== root && !full.startsWith(root + sep)) throw new Error('outside the archive');
        return full;
      };
      for (const entry of manifest.drafts) {
        const label = `“${entry.title || 'Untitled'}”`;
        if (store.archive.exists(entry.id)) {
          report.skipped++;
          report.notes.push(`${label} is already in Ami and was left as it is.`);
          continue;
        }
        let history: DraftHistory;
        let markdown: string;
        let reading = entry.history;
        try {
          history = historySchema.parse(JSON.parse(readText(inside(entry.history)))) as DraftHistory;
          reading = entry.text;
          markdown = readText(inside(entry.text), history.draft.text);
        } catch (err) {
          report.notes.push(`${label} could not be read (${relative(root, join(root, reading))}: ${err instanceof Error ? err.message.split('\n')[0] : 'invalid'}).`);
          continue;
        }
        if (history.draft.id !== entry.id) {
          report.notes.push(`${label} does not match its history file and was not imported.`);
          continue;
        }
        if (markdown !== history.draft.text) {
          // Edited outside Ami: the file is the author's newest text; keep the archived one as a revision.
          const at = ctx.now().toISOString();
          history = {
            ...history,
            draft: { ...history.draft, text: markdown, updatedAt: at },
            revisions: [...history.revisions, { id: ctx.newId(), draftId: entry.id, createdAt: at, reason: 'import', textHash: sha256(markdown), length: markdown.length, text: markdown }],
          };
          report.notes.push(`${label} was edited outside Ami; that text is now its newest revision.`);
        }
        try {
          store.archive.restore(history);
          report.imported++;
        } catch (err) {
          report.notes.push(`${label} could not be imported: ${err instanceof Error ? err.message : 'invalid data'}.`);
        }
      }
      return report;
    },
  };
}
