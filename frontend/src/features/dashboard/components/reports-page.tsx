import { useId, useState, type FormEvent } from 'react';
import { Page } from '../../../components/ui/page';
import type { Me } from '../../../lib/auth';
import { csvUrl, useRegions, type Question } from '../api/statistics';
import { parisToday } from '../format';
import { useDashboardText } from '../text';
import { type CsvOptions } from './report-section';
import {
  DaysSection,
  DepartementsSection,
  HoursSection,
  OutcomesSection,
  ThemesSection,
  VolunteersSection,
} from './report-tables';
import { SummarySection } from './summary-section';
import { presets } from '../periods';

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
