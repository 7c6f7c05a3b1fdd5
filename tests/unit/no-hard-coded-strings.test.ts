// Every visible string of the renderer goes through the catalogues in shared/i18n. This reads each renderer file's
// syntax tree and fails on text written straight into it; the checker itself is tested on planted strings.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHardCodedStrings } from '../support/hard-coded-strings';

const root = join(__dirname, '..', '..');
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(p) && !p.endsWith('.d.ts') ? [p] : [];
  });

describe('renderer text goes through i18n', () => {
  it('finds no hard-coded interface string in renderer/', () => {
    const files = walk(join(root, 'renderer'));
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((f) => findHardCodedStrings(readFileSync(f, 'utf8'), relative(root, f)));
    expect(found.map((h) => `${h.file}:${h.line} ${h.why}: ${JSON.stringify(h.text)}`)).toEqual([]);
  });
});

describe('findHardCodedStrings', () => {
  const texts = (source: string, file = 'x.tsx') => findHardCodedStrings(source, file).map((h) => h.text);

  it('catches JSX text, text attributes and text in JSX expressions', () => {
    const source = `
      export function A({ open }: { open: boolean }) {
        return (
          <section aria-label="Panel name">
            <button title={open ? 'Close it' : 'Open it'}>Press me</button>
            <input placeholder={\`Search \${1}\`} alt="Picture" />
            <p>{open && 'Now open'}</p>
            <Field label="Default model" />
          </section>
        );
      }`;
    expect(texts(source)).toEqual(['Panel name', 'Close it', 'Open it', 'Press me', 'Search', 'Picture', 'Now open', 'Default model']);
  });

  it('catches text sent to dialogs, notice setters, error messages, defaults and label constants', () => {
    const source = `
      const KIND_LABELS = { clarity: 'Clarity' };
      function f(setProblem: (s: string) => void, { label = 'Model' } = {}) {
        if (!window.confirm('Delete it?')) return;
        alert('Gone');
        setProblem('Wrong');
        const e = { kind: 'storage', message: 'Could not save.' };
        return 'Write the question first.';
      }`;
    expect(texts(source, 'x.ts')).toEqual(['Clarity', 'Model', 'Delete it?', 'Gone', 'Wrong', 'Could not save.', 'Write the question first.']);
  });

  it('lets translation keys, code strings, comparisons and the allow-list through', () => {
    const source = `
      import { t } from '../i18n';
      // A comment with Words in it.
      export function B({ kind }: { kind: string }) {
        const el = document.querySelector('button, textarea, input');
        if (kind === 'needs confirmation') return null;
        return (
          <div className="toolbar big" style={{ border: '1px solid red' }} aria-label={t('app.sidePanel')}>
            {t('ask.ask')} Ami <kbd>Ctrl/⌘</kbd> {'·'} 42
          </div>
        );
      }`;
    expect(texts(source)).toEqual([]);
  });

  it('finds a string planted in a real renderer file', () => {
    const path = join(root, 'renderer', 'features', 'drafts', 'SaveStatus.tsx');
    const real = readFileSync(path, 'utf8');
    expect(findHardCodedStrings(real, 'SaveStatus.tsx')).toEqual([]);
    const planted = real.replace("{t('save.retry')}", 'Retry now');
    expect(planted).not.toBe(real);
    expect(texts(planted, 'SaveStatus.tsx')).toEqual(['Retry now']);
  });
});
