import type { Migration } from './index.js';

// Where a reply's cost comes from: the provider's own figure in the stream, OpenRouter's generation record looked
// up afterwards, Ami's estimate from tokens and prices, or nothing to pay (a local model). NULL: not known.
export const m004ReplyCostSource: Migration = {
  name: 'replies record where their cost comes from',
  up(db) {
    db.exec(`
      ALTER TABLE replies ADD COLUMN cost_source TEXT CHECK (cost_source IN ('provider', 'generation', 'estimate', 'local'));
      UPDATE replies SET cost_source = 'provider' WHERE cost IS NOT NULL;
    `);
  },
};
