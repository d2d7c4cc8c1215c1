import type { Question } from './api/statistics';
import { addDays } from './format';

/** The period just before: the month or year before for a whole month or year, else as many days just before. */
export function previousPeriod(question: Question): Question {
  const { from, to } = question;
  const wholeMonth =
    from.endsWith('-01') && addDays(to, 1).endsWith('-01') && from.slice(0, 7) === to.slice(0, 7);
  if (wholeMonth) {
    const end = addDays(from, -1);
    return { ...question, from: `${end.slice(0, 7)}-01`, to: end };
  }
  const wholeYear = from.endsWith('-01-01') && to.endsWith('-12-31') && from.slice(0, 4) === to.slice(0, 4);
  if (wholeYear) {
    const year = Number(from.slice(0, 4)) - 1;
    return { ...question, from: `${year}-01-01`, to: `${year}-12-31` };
  }
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86400000) + 1;
  return { ...question, from: addDays(from, -days), to: addDays(from, -1) };
}

/** Quick periods: yesterday, the last 7 days, last month, last year (days in Paris time). */
export function presets(today: string) {
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  const year = Number(today.slice(0, 4));
  return {
    yesterday: { from: addDays(today, -1), to: addDays(today, -1) },
    last7Days: { from: addDays(today, -6), to: today },
    lastMonth: { from: `${addDays(firstOfMonth, -1).slice(0, 7)}-01`, to: addDays(firstOfMonth, -1) },
    lastYear: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
  };
}
