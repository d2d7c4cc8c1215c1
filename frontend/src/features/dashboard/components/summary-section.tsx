import { useI18n } from '../../../lib/i18n/i18n';
import { useDefinitions, useSummary, type Question, type Summary } from '../api/statistics';
import { count, longDay, percent, seconds } from '../format';
import { useDashboardText } from '../text';
import { ScrollingTable } from './scrolling-table';
import { Loading, Section, type CsvOptions } from './report-section';
import { previousPeriod } from '../periods';

export function SummarySection({
  question,
  compare,
  csv,
}: {
  question: Question;
  compare: boolean;
  csv: CsvOptions;
}) {
  const { language } = useI18n();
  const d = useDashboardText();
  const summary = useSummary(question);
  const previousQuestion = compare ? previousPeriod(question) : null;
  const previous = useSummary(previousQuestion);
  const definitions = useDefinitions();
  return (
    <Section title={d('summaryHeading')} table="summary" question={question} csv={csv}>
      {!summary.data || !definitions.data ? (
        <Loading query={summary.isError ? summary : definitions} />
      ) : (
        <ScrollingTable label={d('tableRegion', { label: d('summaryHeading') })}>
          <table className="summary-table">
            <caption className="visually-hidden">{d('summaryHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{d('figure')}</th>
                <th scope="col">
                  {d('value')} ({longDay(question.from, language)} – {longDay(question.to, language)})
                </th>
                {previousQuestion && (
                  <th scope="col">
                    {d('previous', {
                      from: longDay(previousQuestion.from, language),
                      to: longDay(previousQuestion.to, language),
                    })}
                  </th>
                )}
                <th scope="col">{d('definition')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(figures(summary.data)).map(([code, value]) => (
                <tr key={code}>
                  <th scope="row">{definitions.data[code]?.label ?? code}</th>
                  <td>{written(code, value, language)}</td>
                  {previousQuestion && (
                    <td>{previous.data ? written(code, figures(previous.data)[code], language) : '…'}</td>
                  )}
                  <td className="definition">{definitions.data[code]?.definition}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      )}
    </Section>
  );
}

/** The summary's figures by code, nested ones as `speedOfAnswerSeconds.p90`, as the definitions name them. */
function figures(summary: Summary): Record<string, number | null> {
  const flat: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(summary)) {
    if (['from', 'to', 'region', 'computedAt'].includes(key)) continue;
    if (value !== null && typeof value === 'object') {
      for (const [inner, innerValue] of Object.entries(value as Record<string, number | null>)) {
        flat[`${key}.${inner}`] = innerValue;
      }
    } else {
      flat[key] = value as number | null;
    }
  }
  return flat;
}

function written(code: string, value: number | null | undefined, language: 'fr' | 'en') {
  if (code.endsWith('Rate') || code === 'serviceLevel' || code === 'occupancy') {
    return percent(value, language);
  }
  if (code.includes('Seconds') && code !== 'serviceLevelThresholdSeconds') {
    return seconds(value, language);
  }
  return count(value, language);
}
