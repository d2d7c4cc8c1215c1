import type { ChartConfiguration } from 'chart.js';
import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';

import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import type { Me } from '../../../lib/auth';
import { errorMessage } from '../../../lib/error-message';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n';
import { useThemes } from '../../../lib/reference-data';
import {
  csvUrl,
  useDefinitions,
  useDepartements,
  useOutcomes,
  useRegions,
  useSummary,
  useTable,
  type HourRow,
  type Question,
  type Row,
  type Summary,
  type Tables,
  type VolunteerRow,
} from '../api/statistics';
import { addDays, count, longDay, parisToday, percent, seconds } from '../format';
import { ChartOrTable } from './chart-or-table';
import { FranceMap } from './france-map';
import { HeatMap } from './heat-map';
import { useDashboardText, type DashboardKey } from '../text';
import { ScrollingTable } from './scrolling-table';

type CsvOptions = { separator: 'semicolon' | 'comma'; decimal: 'comma' | 'point' };

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

/**
 * "Statistiques", for coordinators: the figures of any period, each beside its definition, compared with the period
 * before if asked, broken down by day, hour of the week (coverage), theme, département (a map) and volunteer, the
 * outcome forms summed up, and every table as CSV.
 */
export default function ReportsPage({ me }: { me: Me }) {
  const d = useDashboardText();
  const id = useId();
  const national = me.role === 'ADMIN' || me.regionCode === null;
  const today = parisToday();
  const quick = presets(today);
  const [form, setForm] = useState({
    ...quick.last7Days,
    region: national ? '' : (me.regionCode ?? ''),
    compare: false,
  });
  const [asked, setAsked] = useState<{ question: Question; compare: boolean }>({
    question: { ...quick.last7Days, region: national ? null : me.regionCode },
    compare: false,
  });
  const regions = useRegions();
  const [csv, setCsv] = useState<CsvOptions>({ separator: 'semicolon', decimal: 'comma' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAsked({
      question: { from: form.from, to: form.to, region: national ? form.region || null : me.regionCode },
      compare: form.compare,
    });
  };
  const choose = (period: { from: string; to: string }) => {
    setForm({ ...form, ...period });
    setAsked({
      question: { ...period, region: national ? form.region || null : me.regionCode },
      compare: form.compare,
    });
  };
  const question = asked.question;
  return (
    <Page title={d('reportsTitle')}>
      <form onSubmit={submit} className="report-question" aria-labelledby={`${id}-period`}>
        <h2 id={`${id}-period`}>{d('period')}</h2>
        <div className="report-presets">
          {(['yesterday', 'last7Days', 'lastMonth', 'lastYear'] as const).map((preset) => (
            <button key={preset} type="button" onClick={() => choose(quick[preset])}>
              {d(`${preset}`)}
            </button>
          ))}
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{d('from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            required
            value={form.from}
            onChange={(event) => setForm({ ...form, from: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{d('to')}</label>
          <input
            id={`${id}-to`}
            type="date"
            required
            value={form.to}
            onChange={(event) => setForm({ ...form, to: event.target.value })}
          />
        </div>
        {national && (
          <div className="field">
            <label htmlFor={`${id}-region`}>{d('scope')}</label>
            <select
              id={`${id}-region`}
              value={form.region}
              onChange={(event) => setForm({ ...form, region: event.target.value })}
            >
              <option value="">{d('national')}</option>
              {regions.data?.map((region) => (
                <option key={region.code} value={region.code}>
                  {region.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field field-checkbox">
          <input
            id={`${id}-compare`}
            type="checkbox"
            checked={form.compare}
            onChange={(event) => setForm({ ...form, compare: event.target.checked })}
          />
          <label htmlFor={`${id}-compare`}>{d('compare')}</label>
        </div>
        <button type="submit">{d('show')}</button>
      </form>

      <SummarySection question={question} compare={asked.compare} csv={csv} />
      <DaysSection question={question} csv={csv} />
      <HoursSection question={question} csv={csv} />
      <ThemesSection question={question} csv={csv} />
      <DepartementsSection question={question} csv={csv} />
      <VolunteersSection question={question} csv={csv} />
      <OutcomesSection question={question} csv={csv} />

      <section aria-labelledby={`${id}-exports`}>
        <h2 id={`${id}-exports`}>{d('exportsHeading')}</h2>
        <div className="field">
          <label htmlFor={`${id}-separator`}>{d('separator')}</label>
          <select
            id={`${id}-separator`}
            value={csv.separator}
            onChange={(event) => setCsv({ ...csv, separator: event.target.value as CsvOptions['separator'] })}
          >
            <option value="semicolon">{d('semicolon')}</option>
            <option value="comma">{d('comma')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-decimal`}>{d('decimal')}</label>
          <select
            id={`${id}-decimal`}
            value={csv.decimal}
            onChange={(event) => setCsv({ ...csv, decimal: event.target.value as CsvOptions['decimal'] })}
          >
            <option value="comma">{d('decimalComma')}</option>
            <option value="point">{d('decimalPoint')}</option>
          </select>
        </div>
        <p>
          <a href={csvUrl('activity-report', question, csv)} download>
            {d('activityReport')}
          </a>
        </p>
      </section>
    </Page>
  );
}

function Section({
  title,
  table,
  question,
  csv,
  children,
}: {
  title: string;
  table: Tables | 'summary';
  question: Question;
  csv: CsvOptions;
  children: ReactNode;
}) {
  const d = useDashboardText();
  const id = useId();
  return (
    <section aria-labelledby={id} className="report-section">
      <h2 id={id}>{title}</h2>
      {children}
      <p>
        <a href={csvUrl(table, question, csv)} download>
          {d('exportCsv', { title })}
        </a>
      </p>
    </section>
  );
}

function Loading({ query }: { query: { isPending: boolean; isError: boolean; error: unknown } }) {
  const { t } = useI18n();
  if (query.isError) {
    return <Notice kind="error">{errorMessage(query.error, t)}</Notice>;
  }
  return <p role="status">{t('app.loading')}</p>;
}

function SummarySection({
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

function DaysSection({ question, csv }: { question: Question; csv: CsvOptions }) {
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

function HoursSection({ question, csv }: { question: Question; csv: CsvOptions }) {
  const d = useDashboardText();
  const hours = useTable<HourRow>('hours', question);
  return (
    <Section title={d('byHour')} table="hours" question={question} csv={csv}>
      {hours.data ? <HeatMap rows={hours.data.rows} /> : <Loading query={hours} />}
    </Section>
  );
}

function ThemesSection({ question, csv }: { question: Question; csv: CsvOptions }) {
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

function DepartementsSection({ question, csv }: { question: Question; csv: CsvOptions }) {
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

function VolunteersSection({ question, csv }: { question: Question; csv: CsvOptions }) {
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

function OutcomesSection({ question, csv }: { question: Question; csv: CsvOptions }) {
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
