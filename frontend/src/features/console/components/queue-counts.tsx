import { useI18n } from '../../../lib/i18n/i18n';
import type { ConsoleState, FigureRow, RegionFigures } from '../api/console-state';

/** The rows of the figures that fall within the volunteer's territories (all of them for coordinators). */
export function rowsForMe(figures: RegionFigures[], territories: ConsoleState['territories']): FigureRow[] {
  const rows = figures.flatMap((region) => region.rows.map((row) => ({ region: region.region, row })));
  if (!territories || territories.national) {
    return rows.map(({ row }) => row);
  }
  return rows
    .filter(
      ({ region, row }) =>
        territories.departements.includes(row.departement) || territories.regions.includes(region),
    )
    .map(({ row }) => row);
}

type Totals = { calls: number; callbacks: number; oldestCall: string | null; oldestCallback: string | null };

export function totals(rows: FigureRow[]): Totals {
  const result: Totals = { calls: 0, callbacks: 0, oldestCall: null, oldestCallback: null };
  for (const row of rows) {
    if (row.kind === 'LIVE_CALL') {
      result.calls += row.waiting;
      result.oldestCall = older(result.oldestCall, row.oldestSince);
    } else {
      result.callbacks += row.waiting;
      result.oldestCallback = older(result.oldestCallback, row.oldestSince);
    }
  }
  return result;
}

function older(a: string | null, b: string) {
  return a === null || Date.parse(b) < Date.parse(a) ? b : a;
}

function byTopic(rows: FigureRow[]) {
  const topics = new Map<string, { calls: number; callbacks: number }>();
  for (const row of rows) {
    const entry = topics.get(row.topic) ?? { calls: 0, callbacks: 0 };
    if (row.kind === 'LIVE_CALL') {
      entry.calls += row.waiting;
    } else {
      entry.callbacks += row.waiting;
    }
    topics.set(row.topic, entry);
  }
  return [...topics.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Live counts: callers waiting and callbacks due in the volunteer's territories, in total and by theme. */
export function QueueCounts({
  figures,
  territories,
  topicName,
}: {
  figures: RegionFigures[];
  territories: ConsoleState['territories'];
  topicName: (code: string) => string;
}) {
  const { t, language } = useI18n();
  const rows = rowsForMe(figures, territories);
  const sum = totals(rows);
  const time = (at: string) =>
    new Date(at).toLocaleTimeString(language === 'fr' ? 'fr-FR' : 'en-GB', {
      hour: '2-digit',
      minute: '2-digit',
    });
  return (
    <section aria-labelledby="counts-title" className="counts">
      <h2 id="counts-title">{t('console.counts.title')}</h2>
      <dl className="figures" aria-live="polite">
        <div>
          <dt>{t('console.counts.waitingCalls')}</dt>
          <dd data-testid="waiting-calls">{sum.calls}</dd>
          {sum.oldestCall && (
            <dd className="hint">{t('console.counts.oldest', { time: time(sum.oldestCall) })}</dd>
          )}
        </div>
        <div>
          <dt>{t('console.counts.callbacksDue')}</dt>
          <dd data-testid="callbacks-due">{sum.callbacks}</dd>
          {sum.oldestCallback && (
            <dd className="hint">{t('console.counts.oldest', { time: time(sum.oldestCallback) })}</dd>
          )}
        </div>
      </dl>
      {rows.length === 0 ? (
        <p>{t('console.counts.empty')}</p>
      ) : (
        <table>
          <caption>{t('console.counts.byTopic')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('console.counts.topic')}</th>
              <th scope="col">{t('console.counts.calls')}</th>
              <th scope="col">{t('console.counts.callbacks')}</th>
            </tr>
          </thead>
          <tbody>
            {byTopic(rows).map(([topic, count]) => (
              <tr key={topic}>
                <th scope="row">{topicName(topic)}</th>
                <td>{count.calls}</td>
                <td>{count.callbacks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
