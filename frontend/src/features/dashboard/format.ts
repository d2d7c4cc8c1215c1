import type { Language } from '../../lib/i18n/i18n';

function locale(language: Language) {
  return language === 'fr' ? 'fr-FR' : 'en-GB';
}

/** A count, or "—" for nothing to count. */
export function count(value: number | null | undefined, language: Language) {
  return value === null || value === undefined ? '—' : value.toLocaleString(locale(language));
}

/** A fraction between 0 and 1 as a percentage (`0.834` → `83,4 %`), or "—" when there was nothing to divide. */
export function percent(value: number | null | undefined, language: Language) {
  if (value === null || value === undefined) {
    return '—';
  }
  return value.toLocaleString(locale(language), { style: 'percent', maximumFractionDigits: 1 });
}

/** Seconds, to one decimal (`37,5`), or "—". */
export function seconds(value: number | null | undefined, language: Language) {
  return value === null || value === undefined
    ? '—'
    : value.toLocaleString(locale(language), { maximumFractionDigits: 1 });
}

/** How long since an instant: `2 min 05 s`, `3 h 12 min`, `2 j 4 h`. */
export function since(instant: string, now: number, language: Language) {
  const total = Math.max(0, Math.floor((now - new Date(instant).getTime()) / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  const d = language === 'fr' ? 'j' : 'd';
  if (days > 0) return `${days} ${d} ${hours} h`;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  return `${minutes} min ${String(secs).padStart(2, '0')} s`;
}

/** An instant as a time of day in Paris (`10:32:05`). */
export function timeOfDay(instant: string, language: Language) {
  return new Date(instant).toLocaleTimeString(locale(language), { timeZone: 'Europe/Paris' });
}

/** A day (`2027-03-01`) written out (`1 mars 2027`). */
export function longDay(day: string, language: Language) {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(locale(language), {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
}

export { parisToday } from '../../lib/paris-time';

/** `day` moved by `days` (calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
