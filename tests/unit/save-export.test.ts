// The native save dialog offers the format the file was rendered in, and a name typed without an extension
// gets that format's extension.
import { describe, expect, it } from 'vitest';
import { createSaveExport, exportFilters } from '../../electron/save-export.js';

const file = (filename: string, mime: string) => ({ filename, mime, content: 'x' });

describe('export save dialog', () => {
  it.each([
    ['Essai.md', 'text/markdown; charset=utf-8', 'md'],
    ['Essai.html', 'text/html; charset=utf-8', 'html'],
    ['Essai.provenance.json', 'application/json; charset=utf-8', 'json'],
  ])('%s → .%s filter', (filename, mime, ext) => {
    expect(exportFilters(file(filename, mime))[0]!.extensions).toEqual([ext]);
  });

  it('adds the format’s extension to a name typed without one', async () => {
    const written: string[] = [];
    const save = createSaveExport({
      defaultDir: '/docs',
      showSaveDialog: async () => ({ canceled: false, filePath: '/docs/provenance' }),
      write: async (path) => void written.push(path),
    });
    expect(await save(file('Essai.provenance.json', 'application/json'))).toEqual({ path: '/docs/provenance.json' });
    expect(written).toEqual(['/docs/provenance.json']);
  });
});
