// SQL for settings (JSON values by key) and request templates.
import type { Template } from '../../shared/domain.js';
import type { Db } from './open-database.js';

interface TemplateRow {
  id: string;
  kind: Template['kind'];
  language: Template['language'];
  name: string;
  instruction: string;
  builtin: number;
  updated_at: string;
}

const toTemplate = (r: TemplateRow): Template => ({
  id: r.id,
  kind: r.kind,
  language: r.language,
  name: r.name,
  instruction: r.instruction,
  builtin: r.builtin === 1,
  updatedAt: r.updated_at,
});

export function settingsTable(db: Db) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const set = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const listTemplates = db.prepare<[], TemplateRow>('SELECT * FROM templates ORDER BY builtin DESC, kind, language, name');
  const getTemplate = db.prepare<[string], TemplateRow>('SELECT * FROM templates WHERE id = ?');
  const upsertTemplate = db.prepare(`
    INSERT INTO templates (id, kind, language, name, instruction, builtin, updated_at)
    VALUES (@id, @kind, @language, @name, @instruction, @builtin, @updatedAt)
    ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, language = excluded.language, name = excluded.name,
      instruction = excluded.instruction, updated_at = excluded.updated_at`);
  const insertTemplateIfMissing = db.prepare(`
    INSERT OR IGNORE INTO templates (id, kind, language, name, instruction, builtin, updated_at)
    VALUES (@id, @kind, @language, @name, @instruction, 1, @updatedAt)`);
  const deleteTemplate = db.prepare('DELETE FROM templates WHERE id = ? AND builtin = 0');

  return {
    get<T>(key: string): T | undefined {
      const row = get.get(key);
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    set(key: string, value: unknown): void {
      set.run(key, JSON.stringify(value));
    },
    templates(): Template[] {
      return listTemplates.all().map(toTemplate);
    },
    template(id: string): Template | undefined {
      const row = getTemplate.get(id);
      return row && toTemplate(row);
    },
    saveTemplate(t: Omit<Template, 'builtin'> & { builtin: boolean }): void {
      upsertTemplate.run({ ...t, builtin: t.builtin ? 1 : 0 });
    },
    /** Seeds built-in templates; an author's edits to a built-in are kept. */
    seedTemplates(templates: Omit<Template, 'builtin' | 'updatedAt'>[], at: string): void {
      db.transaction(() => {
        for (const t of templates) insertTemplateIfMissing.run({ ...t, updatedAt: at });
      })();
    },
    deleteTemplate(id: string): boolean {
      return deleteTemplate.run(id).changes === 1;
    },
  };
}

export type SettingsTable = ReturnType<typeof settingsTable>;
