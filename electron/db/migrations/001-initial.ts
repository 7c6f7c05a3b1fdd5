import type { Migration } from './index.js';

export const m001Initial: Migration = {
  name: 'initial schema: drafts, revisions, consultations, replies, templates, settings, full-text search',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        trashed_at TEXT
      );

      -- Revisions are append-only snapshots: the triggers make that a property of the file, not of the code.
      CREATE TABLE revisions (
        id TEXT PRIMARY KEY,
        draft_id TEXT NOT NULL REFERENCES drafts(id),
        seq INTEGER NOT NULL,
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('autosave', 'consultation', 'import', 'create')),
        created_at TEXT NOT NULL,
        UNIQUE (draft_id, seq)
      );
      CREATE INDEX revisions_by_hash ON revisions (draft_id, text_hash);
      CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
        BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
      CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
        BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;

      CREATE TABLE consultations (
        id TEXT PRIMARY KEY,
        draft_id TEXT NOT NULL REFERENCES drafts(id),
        revision_id TEXT NOT NULL REFERENCES revisions(id),
        passage_from INTEGER NOT NULL,
        passage_to INTEGER NOT NULL,
        passage_text TEXT NOT NULL,
        passage_hash TEXT NOT NULL,
        kind TEXT NOT NULL,
        template_id TEXT,
        template_name TEXT NOT NULL,
        question TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL,
        base_url TEXT NOT NULL,
        requested_model TEXT NOT NULL,
        data_collection TEXT NOT NULL CHECK (data_collection IN ('deny', 'allow')),
        draft_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        previous_id TEXT REFERENCES consultations(id),
        anchor_from INTEGER,
        anchor_to INTEGER,
        anchor_status TEXT CHECK (anchor_status IN ('current', 'edited', 'lost'))
      );
      CREATE INDEX consultations_by_draft ON consultations (draft_id, created_at);

      CREATE TABLE replies (
        id TEXT PRIMARY KEY,
        consultation_id TEXT NOT NULL REFERENCES consultations(id),
        draft_id TEXT NOT NULL REFERENCES drafts(id),
        turn INTEGER NOT NULL,
        question TEXT NOT NULL DEFAULT '',
        request_messages TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        served_model TEXT,
        provider TEXT,
        generation_id TEXT,
        finish_reason TEXT,
        prompt_tokens INTEGER,
        completion_tokens INTEGER,
        cost REAL,
        latency_ms INTEGER,
        started_at TEXT NOT NULL,
        completed_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('streaming', 'complete', 'interrupted', 'failed')),
        error TEXT,
        citation_number INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT 'kept' CHECK (state IN ('kept', 'dismissed')),
        UNIQUE (consultation_id, turn),
        UNIQUE (draft_id, citation_number)
      );
      -- A reply is stored exactly as received: once it has ended, its text and attribution never change.
      CREATE TRIGGER replies_frozen BEFORE UPDATE OF text, served_model, provider, generation_id, request_messages ON replies
        WHEN OLD.status <> 'streaming'
        BEGIN SELECT RAISE(ABORT, 'a finished reply is immutable'); END;
      CREATE TRIGGER replies_no_delete BEFORE DELETE ON replies
        BEGIN SELECT RAISE(ABORT, 'replies are kept; dismiss them instead'); END;

      CREATE TABLE templates (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        language TEXT NOT NULL,
        name TEXT NOT NULL,
        instruction TEXT NOT NULL,
        builtin INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      -- Full-text search over drafts and replies (external content: the text is stored once).
      CREATE VIRTUAL TABLE drafts_fts USING fts5 (title, text, content = 'drafts', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2');
      CREATE TRIGGER drafts_fts_insert AFTER INSERT ON drafts BEGIN
        INSERT INTO drafts_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
      END;
      CREATE TRIGGER drafts_fts_delete AFTER DELETE ON drafts BEGIN
        INSERT INTO drafts_fts (drafts_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
      END;
      CREATE TRIGGER drafts_fts_update AFTER UPDATE OF title, text ON drafts BEGIN
        INSERT INTO drafts_fts (drafts_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO drafts_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
      END;

      CREATE VIRTUAL TABLE replies_fts USING fts5 (text, content = 'replies', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2');
      CREATE TRIGGER replies_fts_insert AFTER INSERT ON replies BEGIN
        INSERT INTO replies_fts (rowid, text) VALUES (new.rowid, new.text);
      END;
      CREATE TRIGGER replies_fts_update AFTER UPDATE OF text ON replies BEGIN
        INSERT INTO replies_fts (replies_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        INSERT INTO replies_fts (rowid, text) VALUES (new.rowid, new.text);
      END;
    `);
  },
};
