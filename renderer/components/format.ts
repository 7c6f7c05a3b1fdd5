// Small display helpers shared by the panels. Dates, times and numbers follow the interface language.
import { t, uiLanguage } from '../i18n';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(uiLanguage(), { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(d);
}

/** Today: the time; otherwise the date. */
export function formatShortDate(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (d.toDateString() === now.toDateString()) return new Intl.DateTimeFormat(uiLanguage(), { hour: '2-digit', minute: '2-digit' }).format(d);
  return new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'short', year: d.getFullYear() === now.getFullYear() ? undefined : 'numeric' }).format(d);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(n);
}

export function formatCost(cost: number | null): string {
  if (cost === null) return t('format.costUnknown');
  if (cost === 0) return t('format.free');
  const digits = cost < 0.01 ? 5 : 3;
  return new Intl.NumberFormat(uiLanguage(), { style: 'currency', currency: 'USD', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(cost);
}

export function formatTokens(prompt: number | null, completion: number | null): string {
  if (prompt === null && completion === null) return t('format.tokensUnknown');
  return t('format.tokens', { prompt: prompt === null ? '?' : formatNumber(prompt), completion: completion === null ? '?' : formatNumber(completion) });
}

export function firstWords(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut) + '…';
}
