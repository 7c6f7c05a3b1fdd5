import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../seeds/templates.js';
import { LANGUAGES, REQUEST_KINDS } from '../../shared/domain.js';
import { detectLanguage } from '../../shared/language.js';

const template = (kind: string, language: string) => BUILTIN_TEMPLATES.find((t) => t.kind === kind && t.language === language)!;

describe('BUILTIN_TEMPLATES', () => {
  it('has one built-in template per kind and language, with a stable id', () => {
    expect(BUILTIN_TEMPLATES).toHaveLength(REQUEST_KINDS.length * LANGUAGES.length);
    for (const kind of REQUEST_KINDS) {
      for (const language of LANGUAGES) {
        const t = template(kind, language);
        expect(t.id).toBe(`builtin-${kind}-${language}`);
        expect(t.builtin).toBe(true);
        expect(t.name.trim()).not.toBe('');
        expect(t.instruction.length).toBeGreaterThan(200);
        expect(t.instruction.length).toBeLessThan(20_000);
      }
    }
    expect(new Set(BUILTIN_TEMPLATES.map((t) => t.id)).size).toBe(BUILTIN_TEMPLATES.length);
  });

  it('writes each instruction in its own language', () => {
    for (const t of BUILTIN_TEMPLATES) expect(detectLanguage(t.instruction)).toBe(t.language);
  });

  it('asks for critique and advice, never for a rewritten passage', () => {
    for (const kind of ['clarity', 'suggestions', 'proofread', 'question']) {
      expect(template(kind, 'en').instruction).toMatch(/Do not rewrite|Never give the whole corrected passage/);
      expect(template(kind, 'fr').instruction).toMatch(/Ne (le )?réécris pas|Ne donne jamais le passage corrigé en entier/);
    }
    expect(template('suggestions', 'en').instruction).toContain('a few words at most');
    expect(template('suggestions', 'fr').instruction).toContain('quelques mots au plus');
  });

  it('asks proofreading for numbered findings "original → issue → why", French typography included', () => {
    const en = template('proofread', 'en').instruction;
    expect(en).toContain('original → issue → why');
    expect(en).toMatch(/\n1\. .+ → .+ → /);
    expect(en).toContain('« guillemets »');
    const fr = template('proofread', 'fr').instruction;
    expect(fr).toContain('original → problème → pourquoi');
    expect(fr).toMatch(/\n1\. .+ → .+ → /);
    expect(fr).toContain('espace insécable');
  });

  it('asks exploration for precise, checkable leads and honesty when unsure', () => {
    expect(template('explore', 'en').instruction).toMatch(/never invent a reference/);
    expect(template('explore', 'fr').instruction).toMatch(/n’invente jamais une référence/);
  });

  it('writes French with accents and French typography', () => {
    for (const t of BUILTIN_TEMPLATES.filter((x) => x.language === 'fr')) {
      expect(t.instruction).toMatch(/[éèàêç]/);
      expect(t.instruction).not.toMatch(/ [:;?!]/);
      expect(t.instruction).not.toMatch(/\p{L}'\p{L}/u);
    }
  });
});
