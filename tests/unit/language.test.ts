import { describe, expect, it } from 'vitest';
import { detectLanguage, frenchTypography } from '../../shared/language.js';

describe('detectLanguage', () => {
  it.each([
    'It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness.',
    'Call me Ishmael. Some years ago, never mind how long precisely, I thought I would sail about a little.',
    "I don't think it's clear: the reader can't tell who is speaking here.",
    'The café on the corner served crème brûlée and a naïve little rosé to the people who came in from the rain.',
    'Meeting notes: budget, timeline, hiring.',
  ])('finds English in %j', (text) => {
    expect(detectLanguage(text)).toBe('en');
  });

  it.each([
    'Longtemps, je me suis couché de bonne heure. Parfois, à peine ma bougie éteinte, mes yeux se fermaient si vite que je n’avais pas le temps de me dire : « Je m’endors. »',
    "Aujourd'hui, maman est morte. Ou peut-être hier, je ne sais pas.",
    'Le chat dort sur le tapis et il reve de la souris qui vit dans le mur de la cuisine.',
    "C'est l'histoire d'un homme qu'on n'attendait plus.",
    'Un été, deux étés.',
  ])('finds French in %j', (text) => {
    expect(detectLanguage(text)).toBe('fr');
  });

  it('follows the language of most of a mixed text', () => {
    const frenchWithQuote = 'Dans son discours, elle cite Churchill : « We shall fight on the beaches », puis elle revient à la question des retraites, qui occupe tout le pays depuis des mois.';
    expect(detectLanguage(frenchWithQuote)).toBe('fr');
    const englishWithFrench = 'She had a certain joie de vivre, a je ne sais quoi that the others in the office could never quite name, and she knew it.';
    expect(detectLanguage(englishWithFrench)).toBe('en');
  });

  it('defaults to English when there is nothing to go on', () => {
    expect(detectLanguage('')).toBe('en');
    expect(detectLanguage('12 345 — 😀 !!!')).toBe('en');
    expect(detectLanguage('[^c1] [^c2] `code`')).toBe('en');
  });

  it('reads only the start of a very long text', () => {
    const text = 'Le chat dort sur le tapis. '.repeat(2000) + 'The cat sleeps on the mat and dreams of the mice in the wall. '.repeat(5000);
    expect(detectLanguage(text)).toBe('fr');
  });
});

describe('frenchTypography', () => {
  it('puts no-break spaces before high punctuation and inside guillemets, and curls apostrophes', () => {
    expect(frenchTypography("Règles : l'auteur écrit ; toi, « tu réponds » ? Oui !")).toBe(
      'Règles\u00a0: l’auteur écrit\u202f; toi, «\u00a0tu réponds\u00a0»\u202f? Oui\u202f!',
    );
    expect(frenchTypography('https://example.com, 10:30')).toBe('https://example.com, 10:30');
  });
});
