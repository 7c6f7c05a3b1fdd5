import type { Migration } from './index.js';

// Consultations asked of several models at once share a group id, so that their replies can be compared side by
// side. Each stays its own consultation with its own reply and served model: the group only links them.
export const m003OpinionGroups: Migration = {
  name: 'consultations asked of several models at once share an opinion group',
  up(db) {
    db.exec(`
      ALTER TABLE consultations ADD COLUMN opinion_group TEXT;
      CREATE INDEX consultations_by_opinion_group ON consultations (opinion_group) WHERE opinion_group IS NOT NULL;
    `);
  },
};
