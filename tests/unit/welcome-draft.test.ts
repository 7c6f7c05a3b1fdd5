import { describe, expect, it } from 'vitest';
import { welcomeDraft } from '../../seeds/welcome-draft.js';
import { findCitationMarkers } from '../../shared/citation-markers.js';
import { detectLanguage } from '../../shared/language.js';

describe('welcomeDraft', () => {
  it.each(['en', 'fr'] as const)('is a short guide in %s', (language) => {
    const { title, text } = welcomeDraft(language);
    expect(title.trim()).not.toBe('');
    expect(detectLanguage(text)).toBe(language);
    expect(text).toContain('`[^c1]`');
    // The marker is shown as an example, in code, so it refers to no citation.
    expect(findCitationMarkers(text)).toEqual([]);
  });
});
