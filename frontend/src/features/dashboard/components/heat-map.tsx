import { useId, useState } from 'react';

import { useI18n } from '../../../lib/i18n/i18n';
import type { HourRow } from '../api/statistics';
import { useDashboardText, type DashboardKey } from '../text';
import { ScrollingTable } from './scrolling-table';

const MEASURES = {
  calls: 'heatCalls',
  missed: 'heatMissed',
  callbackRequests: 'heatCallbacks',
  volunteersOnShift: 'heatOnShift',
  volunteersAvailable: 'heatAvailable',
} as const satisfies Record<string, DashboardKey>;

type Measure = keyof typeof MEASURES;

/**
 * The hour-of-week heat map as a table: a row per day, a column per hour, each cell its figure written out and shaded
 * from light (few) to dark (many), so that colour is never the only signal. Demand and coverage side by side: pick the
 * figure.
 */
export function HeatMap({ rows }: { rows: HourRow[] }) {
  const { language } = useI18n();
  const d = useDashboardText();
  const id = useId();
  const [measure, setMeasure] = useState<Measure>('calls');
  const value = (row: HourRow) => row[measure];
  const highest = Math.max(0, ...rows.map(value));
  const hours = Array.from({ length: 24 }, (_, hour) => hour);
  const label = d(MEASURES[measure]);
  return (
    <div className="heat-map">
      <div className="field">
        <label htmlFor={`${id}-measure`}>{d('heatMeasure')}</label>
        <select
          id={`${id}-measure`}
          value={measure}
          onChange={(event) => setMeasure(event.target.value as Measure)}
        >
          {(Object.keys(MEASURES) as Measure[]).map((key) => (
            <option key={key} value={key}>
              {d(MEASURES[key])}
            </option>
          ))}
        </select>
      </div>
      <p>{d('coverageNote')}</p>
      <ScrollingTable label={d('tableRegion', { label: d('heatCaption', { measure: label }) })}>
        <table>
          <caption>{d('heatCaption', { measure: label })}</caption>
          <thead>
            <tr>
              <td />
              {hours.map((hour) => (
                <th key={hour} scope="col">
                  {String(hour).padStart(2, '0')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[1, 2, 3, 4, 5, 6, 7].map((day) => (
              <tr key={day}>
                <th scope="row">{d(`day${day}` as DashboardKey)}</th>
                {hours.map((hour) => {
                  const row = rows.find((r) => r.dayOfWeek === day && r.hour === hour);
                  const figure = row ? value(row) : 0;
                  const shade = highest > 0 ? Math.ceil((figure / highest) * 5) : 0;
                  return (
                    <td key={hour} className={`heat heat-${shade}`}>
                      {figure.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', {
                        maximumFractionDigits: 1,
                      })}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
      <p className="hint">{d('legend')}</p>
    </div>
  );
}
