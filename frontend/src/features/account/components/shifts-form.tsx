import { useState, type FormEvent } from 'react';

import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { DAYS, type Shift } from '../../../lib/reference-data';
import { useSaveShifts, type Shifts } from '../api/shifts';

/** Edits the weekly shifts: a day, a start and an end per line, and whether to go available when one starts. */
function ShiftsEditor({ initial }: { initial: Shifts }) {
  const { t } = useI18n();
  const save = useSaveShifts();
  const [shifts, setShifts] = useState<Shift[]>(
    initial.shifts.map((s) => ({ ...s, starts: s.starts.slice(0, 5), ends: s.ends.slice(0, 5) })),
  );
  const [automatic, setAutomatic] = useState(initial.availableAtShiftStart);
  const change = (index: number, changes: Partial<Shift>) =>
    setShifts((current) => current.map((s, i) => (i === index ? { ...s, ...changes } : s)));

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ availableAtShiftStart: automatic, shifts });
  }

  return (
    <form onSubmit={submit} className="shifts">
      {shifts.length === 0 && <p>{t('console.shifts.none')}</p>}
      {shifts.map((shift, index) => {
        const label = t('shifts.line', { number: String(index + 1) });
        return (
          <fieldset key={index} className="shift">
            <legend>{label}</legend>
            <label>
              {t('shifts.day')}{' '}
              <select
                value={shift.day}
                onChange={(e) => change(index, { day: e.target.value as Shift['day'] })}
              >
                {DAYS.map((day) => (
                  <option key={day} value={day}>
                    {t(`console.shifts.days.${day}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('shifts.starts')}{' '}
              <input
                type="time"
                required
                value={shift.starts}
                onChange={(e) => change(index, { starts: e.target.value })}
              />
            </label>
            <label>
              {t('shifts.ends')}{' '}
              <input
                type="time"
                required
                value={shift.ends}
                onChange={(e) => change(index, { ends: e.target.value })}
              />
            </label>
            <button
              type="button"
              onClick={() => setShifts((current) => current.filter((_, i) => i !== index))}
            >
              {t('shifts.remove', { number: String(index + 1) })}
            </button>
          </fieldset>
        );
      })}
      <p>
        <button
          type="button"
          onClick={() =>
            setShifts((current) => [...current, { day: 'MONDAY', starts: '09:00', ends: '12:00' }])
          }
        >
          {t('shifts.add')}
        </button>
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={automatic} onChange={(e) => setAutomatic(e.target.checked)} />
        {t('shifts.automatic')}
      </label>
      {save.isSuccess && <Notice kind="success">{t('shifts.saved')}</Notice>}
      {save.isError && <Notice kind="error">{errorMessage(save.error, t)}</Notice>}
      <p>
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('shifts.save')}
        </button>
      </p>
    </form>
  );
}

export function ShiftsForm({ shifts }: { shifts: Shifts | undefined }) {
  return shifts ? <ShiftsEditor initial={shifts} /> : null;
}
