// Which language a draft is written in, so that prompts, templates and exports speak it.
import type { Language } from './domain.js';

// Words frequent in one language and rare in the other. Words shared by both ("a", "on", "me", "car", "plus")
// are left out, and so are the elided letters English also leaves behind ("it's", "don't", "I'm").
const FRENCH = new Set(
  (
    'le la les un une des du de au aux et est sont ou où que qui quoi dont ne pas jamais rien il elle ils elles ' +
    'nous vous je tu se sa ses leur leurs ce cet cette ces mon ma mes ton ta tes notre nos votre vos dans sur sous ' +
    'avec pour par sans chez entre vers mais donc comme si aussi très bien tout tous toute toutes même été être ' +
    'avoir fait faire était avait ont peut lui y en aujourd'
  ).split(' '),
);
const ENGLISH = new Set(
  (
    'the of and to in is are was were be been being it its this that these those with for from by at as an or but ' +
    'not no what which who whom whose when where why how there their they them he she his her him we our you your ' +
    'i my me would could should will shall can may might must have has had do does did if then than so very just ' +
    'about into over under after before because while only also some any each other such more most all'
  ).split(' '),
);
// "l'homme", "qu'il", "c'est": the apostrophe follows the letter. English puts it before ("it's", "don't").
const ELISION = /(?<!\p{L})(?:c|d|j|l|m|n|qu|jusqu|lorsqu|puisqu|s|t)['’](?=\p{L})/giu;
const FRENCH_LETTERS = /[àâæçéèêëîïôœùûüÿ]/giu;

/** Enough text to decide; scanning a whole novel would only cost time. */
export const LANGUAGE_SAMPLE_CHARS = 20_000;

/** A cheap guess between French and English from stop words and accents; English when nothing tips the balance. */
export function detectLanguage(text: string): Language {
  const sample = text.length > LANGUAGE_SAMPLE_CHARS ? text.slice(0, LANGUAGE_SAMPLE_CHARS) : text;
  let fr = 0;
  let en = 0;
  for (const match of sample.toLowerCase().matchAll(/\p{L}+/gu)) {
    const word = match[0];
    if (FRENCH.has(word)) fr += 1;
    else if (ENGLISH.has(word)) en += 1;
  }
  fr += sample.match(ELISION)?.length ?? 0;
  // Accented letters count for less than a word: English borrows "café" or "naïve".
  fr += (sample.match(FRENCH_LETTERS)?.length ?? 0) * 0.25;
  return fr > en ? 'fr' : 'en';
}

/**
 * French typography for Ami's own French strings (never the author's text): a no-break space before ":" and
 * inside « », a narrow no-break space before ";", "?" and "!", and the typographic apostrophe.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/(\p{L})'(\p{L})/gu, '$1’$2')
    .replace(/ :/g, '\u00a0:')
    .replace(/ ([;?!])/g, '\u202f$1')
    .replace(/« /g, '«\u00a0')
    .replace(/ »/g, '\u00a0»');
}
