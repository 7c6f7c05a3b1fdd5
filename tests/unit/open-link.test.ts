// links:open in Electron: only https: links without credentials, and only after the author said yes.
import { describe, expect, it } from 'vitest';
import { createOpenLink } from '../../electron/open-link.js';
import { AmiFailure } from '../../electron/services/ami-error.js';

function setup(answer: boolean) {
  const asked: string[] = [];
  const opened: string[] = [];
  const openLink = createOpenLink({
    confirm: async (url) => {
      asked.push(url);
      return answer;
    },
    openExternal: async (url) => {
      opened.push(url);
    },
  });
  return { openLink, asked, opened };
}

describe('createOpenLink', () => {
  it('opens an https link after the author confirmed it, showing the full address', async () => {
    const { openLink, asked, opened } = setup(true);
    await expect(openLink('https://openrouter.ai/docs?x=1#y')).resolves.toEqual({ opened: true });
    expect(asked).toEqual(['https://openrouter.ai/docs?x=1#y']);
    expect(opened).toEqual(['https://openrouter.ai/docs?x=1#y']);
  });

  it('opens nothing when the author declines', async () => {
    const { openLink, asked, opened } = setup(false);
    await expect(openLink('https://openrouter.ai/docs')).resolves.toEqual({ opened: false });
    expect(asked).toHaveLength(1);
    expect(opened).toEqual([]);
  });

  it.each([
    'http://example.com/',
    'https://user:secret@example.com/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'app://ami/index.html',
    'mailto:a@example.com',
    'not a url',
  ])('refuses %s without asking', async (url) => {
    const { openLink, asked, opened } = setup(true);
    const result = openLink(url);
    await expect(result).rejects.toBeInstanceOf(AmiFailure);
    await expect(result).rejects.toMatchObject({ error: { kind: 'validation' } });
    expect(asked).toEqual([]);
    expect(opened).toEqual([]);
  });
});
