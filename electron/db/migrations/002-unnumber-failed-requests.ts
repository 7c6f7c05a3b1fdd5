import type { Migration } from './index.js';

// A request that got no text is not a citation: it gives up its number (negative numbers mean "not numbered",
// unique per draft). Numbers of real citations are left as they are, since [^cN] markers in drafts point at them.
export const m002UnnumberFailedRequests: Migration = {
  name: 'replies without any text are not numbered as citations',
  up(db) {
    db.exec(`UPDATE replies SET citation_number = -rowid WHERE text = '' AND citation_number > 0`);
  },
};
