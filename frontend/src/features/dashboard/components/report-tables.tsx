import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n';
import { useThemes } from '../../../lib/reference-data';
import {
  useDepartements,
  useOutcomes,
  useTable,
  type HourRow,
  type Question,
  type Row,
  type VolunteerRow,
} from '../api/statistics';
import { count, longDay, percent, seconds } from '../format';
import { ChartOrTable } from './chart-or-table';
import { FranceMap } from './france-map';
import { HeatMap } from './heat-map';
import { useDashboardText, type DashboardKey } from '../text';
import { ScrollingTable } from './scrolling-table';
import { Loading, Section, type CsvOptions } from './report-section';

function RowsTable({
  rows,
  keyLabel,
  name,
}: {
  rows: Row[];
  keyLabel: string;
  name: (key: string) => string;
}) {
  const { language } = useI18n();
  const d = useDashboardText();
  if (rows.length === 0) {
    return <p>{d('empty')}</p>;
  }
  return (
    <ScrollingTable label={d('tableRegion', { label: keyLabel })}>
      <table>
        <caption className="visually-hidden">{keyLabel}</caption>
        <thead>
          <tr>
            <th scope="col">{keyLabel}</th>
            <th scope="col">{d('calls')}</th>
            <th scope="col">{d('answered')}</th>
            <th scope="col">{d('abandoned')}</th>
            <th scope="col">{d('abandonmentRate')}</th>
            <th scope="col">{d('serviceLevel')}</th>
            <th scope="col">{d('meanWait')}</th>
            <th scope="col">{d('missed')}</th>
            <th scope="col">{d('requests')}</th>
            <th scope="col">{d('callbackRequests')}</th>
            <th scope="col">{d('resolutionRate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{name(row.key)}</th>
              <td>{count(row.calls, language)}</td>
              <td>{count(row.answered, language)}</td>
              <td>{count(row.abandoned, language)}</td>
              <td>{percent(row.abandonmentRate, language)}</td>
              <td>{percent(row.serviceLevel, language)}</td>
              <td>{seconds(row.meanWaitSeconds, language)}</td>
              <td>{count(row.missed, language)}</td>
              <td>{count(row.requests, language)}</td>
              <td>{count(row.callbackRequests, language)}</td>
              <td>{percent(row.resolutionRate, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

export function DaysSection({ question, csv }: { question: Question; csv: CsvOptions }) {
  const { language } = useI18n();
  const d = useDashboardText();
  const days = useTable<Row>('days', question);
  const title = d('byDay');
  const chart = useMemo<ChartConfiguration | undefined>(
    () =>
      days.data && {
        type: 'line',
        data: {
          labels: days.data.rows.map((row) => row.key),
          datasets: [
            {
              label: d('calls'),
              data: days.data.rows.map((row) => row.calls),
              borderColor: '#000091',
            },
            {
              label: d('answered'),
              data: days.data.rows.map((row) => row.answered),
              borderColor: '#18753c',
            },
            {
              label: d('requests'),
              data: days.data.rows.map((row) => row.requests),
              borderColor: '#b34000',
            },
          ],
        },
      },
    [days.data, d],
  );
  return (
    <Section title={title} table="days" question={question} csv={csv}>
      {days.data ? (
        <ChartOrTable
          title={title}
          chart={chart}
          table={
            <RowsTable rows={days.data.rows} keyLabel={d('day')} name={(day) => longDay(day, language)} />
          }
        />
      ) : (
        <Loading query={days} />
      )}
    </Section>
  );
}

export function HoursSection({ question, csv }: { question: Question; csv: CsvOptions }) {
  const d = useDashboardText();
  const hours = useTable<HourRow>('hours', question);
  return (
    <Section title={d('byHour')} table="hours" question={question} csv={csv}>
      {hours.data ? <HeatMap rows={hours.data.rows} /> : <Loading query={hours} />}
    </Section>
  );
}

export function ThemesSection({ question, csv }: { question: Question; csv: CsvOptions }) {
  const { language } = useI18n();
  const d = useDashboardText();
  const themes = useTable<Row>('themes', question);
  const topics = useThemes();
  const name = (code: string) => {
    const topic = topics.data?.find((candidate) => candidate.code === code);
    return topic ? (language === 'en' && topic.nameEn ? topic.nameEn : topic.nameFr) : code;
  };
  const title = d('byTheme');
  const chart = useMemo<ChartConfiguration | undefined>(
    () =>
      themes.data && {
        type: 'bar',
        data: {
          labels: themes.data.rows.map((row) => name(row.key)),
          datasets: [
            {
              label: d('calls'),
              data: themes.data.rows.map((row) => row.calls),
              backgroundColor: '#000091',
            },
            {
              label: d('requests'),
              data: themes.data.rows.map((row) => row.requests),
              backgroundColor: '#b34000',
            },
          ],
        },
      },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [themes.data, topics.data, d],
  );
  return (
    <Section title={title} table="themes" question={question} csv={csv}>
      {themes.data ? (
        <ChartOrTable
          title={title}
          chart={chart}
          table={<RowsTable rows={themes.data.rows} keyLabel={d('theme')} name={name} />}
        />
      ) : (
        <Loading query={themes} />
      )}
    </Section>
  );
}

export function DepartementsSection({ question, csv }: { question: Question; csv: CsvOptions }) {
  const d = useDashboardText();
  const departements = useTable<Row>('departements', question);
  const territory = useDepartements();
  const names = useMemo(
    () =>
      Object.fromEntries((territory.data ?? []).map((departement) => [departement.code, departement.name])),
    [territory.data],
  );
  const title = d('byDepartement');
  return (
    <Section title={title} table="departements" question={question} csv={csv}>
      {departements.data ? (
        <ChartOrTable
          title={title}
          picture={
            <FranceMap
              values={Object.fromEntries(departements.data.rows.map((row) => [row.key, row.requests]))}
              names={names}
              measure={d('requests')}
            />
          }
          table={
            <RowsTable
              rows={departements.data.rows}
              keyLabel={d('departement')}
              name={(code) => `${names[code] ?? code} (${code})`}
            />
          }
        />
      ) : (
        <Loading query={departements} />
      )}
    </Section>
  );
}

export function VolunteersSection({ question, csv }: { question: Question; csv: CsvOptions }) {
  const { language } = useI18n();
  const d = useDashboardText();
  const volunteers = useTable<VolunteerRow>('volunteers', question);
  const title = d('byVolunteer');
  return (
    <Section title={title} table="volunteers" question={question} csv={csv}>
      {!volunteers.data ? (
        <Loading query={volunteers} />
      ) : volunteers.data.rows.length === 0 ? (
        <p>{d('empty')}</p>
      ) : (
        <ScrollingTable label={d('tableRegion', { label: title })}>
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{d('volunteer')}</th>
                <th scope="col">{d('answered')}</th>
                <th scope="col">{d('callbacksMade')}</th>
                <th scope="col">{d('callbacksReached')}</th>
                <th scope="col">{d('availableHours')}</th>
                <th scope="col">{d('handlingTime')}</th>
                <th scope="col">{d('occupancy')}</th>
              </tr>
            </thead>
            <tbody>
              {volunteers.data.rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.name ?? d('unknownVolunteer')}</th>
                  <td>{count(row.answered, language)}</td>
                  <td>{count(row.callbacksMade, language)}</td>
                  <td>{count(row.callbacksReached, language)}</td>
                  <td>{seconds(row.availableHours, language)}</td>
                  <td>{seconds(row.handlingTimeSeconds, language)}</td>
                  <td>{percent(row.occupancy, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      )}
    </Section>
  );
}

/** Where the console's outcome form keeps each question's labels. */
const OUTCOME_LABELS: Record<string, string> = {
  support_type: 'console.outcome.supportTypes',
  procedure_themes: 'console.outcome.procedureThemeLabels',
  support_themes: 'console.outcome.supportThemeLabels',
  equipment: 'console.outcome.equipmentLabels',
  autonomy: 'console.outcome.autonomyLabels',
  completion: 'console.outcome.completionLabels',
  redirection: 'console.outcome.redirectionLabels',
};

export function OutcomesSection({ question, csv }: { question: Question; csv: CsvOptions }) {
  const { t, language } = useI18n();
  const d = useDashboardText();
  const outcomes = useOutcomes(question);
  const label = (q: string, code: string) => {
    try {
      return t(`${OUTCOME_LABELS[q]}.${code}` as MessageKey);
    } catch {
      return code;
    }
  };
  return (
    <Section title={d('outcomesHeading')} table="outcomes" question={question} csv={csv}>
      {!outcomes.data ? (
        <Loading query={outcomes} />
      ) : (
        <>
          <p>{d('forms', { count: count(outcomes.data.forms, language) })}</p>
          {Object.keys(OUTCOME_LABELS)
            .filter((q) => outcomes.data.answers[q])
            .map((q) => (
              <ScrollingTable key={q} label={d('tableRegion', { label: d(`question_${q}` as DashboardKey) })}>
                <table>
                  <caption>{d(`question_${q}` as DashboardKey)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{d('code')}</th>
                      <th scope="col">{d('count')}</th>
                      <th scope="col">{d('share')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {Object.entries(outcomes.data.answers[q] ?? {})
                      .sort((a, b) => b[1] - a[1])
                      .map(([code, forms]) => (
                        <tr key={code}>
                          <th scope="row">{label(q, code)}</th>
                          <td>{count(forms, language)}</td>
                          <td>
                            {percent(outcomes.data.forms > 0 ? forms / outcomes.data.forms : null, language)}
                          </td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </ScrollingTable>
            ))}
        </>
      )}
    </Section>
  );
}
