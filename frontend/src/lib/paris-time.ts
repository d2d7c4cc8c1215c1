/**
 * Today in Paris, as `YYYY-MM-DD`: the help desk's day, whatever the browser's time zone (between midnight and 1 or 2
 * am in Paris, the UTC date is still yesterday).
 */
export function parisToday(now: Date = new Date()) {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
}
