// The save status says once what becomes of the author's text, whichever error the bridge returned.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { networkError, tokenError } from '../../../renderer/api/web-bridge';
import { SaveStatus } from '../../../renderer/features/drafts/SaveStatus';

const shown = (error: ReturnType<typeof networkError>) =>
  renderToStaticMarkup(<SaveStatus state={{ kind: 'failed', error, retryInMs: 2000 }} onRetry={() => {}} />)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('SaveStatus after a failed save in browser mode', () => {
  for (const [name, error] of [
    ['the server not answering', networkError()],
    ['a refused token', tokenError()],
  ] as const) {
    it(`says once that the text is kept and when Ami tries again, for ${name}`, () => {
      const text = shown(error);
      expect(text).toContain(error.message);
      expect(text.match(/your text/gi), text).toHaveLength(1);
      expect(text.match(/saved when|tries again|try again/gi), text).toHaveLength(1);
    });
  }
});
