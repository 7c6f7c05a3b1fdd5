// Every catalogue by language, for i18next and for the few shared modules (exports, seeds) that name things.
import type { Language } from '../domain.js';
import type { Catalogue } from './catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';

export const CATALOGUES: Record<Language, Catalogue> = { en, fr };
