// The shape every catalogue has: the English one's keys, each holding a string.
import { frenchTypography } from '../language.js';
import type { en } from './en.js';

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type Catalogue = Strings<typeof en>;

function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, mapStrings(v, f)])) as T;
}

/** A French catalogue with French typography applied to every string (no-break spaces, apostrophes). */
export function frenchCatalogue(catalogue: Catalogue): Catalogue {
  return mapStrings(catalogue, frenchTypography);
}
