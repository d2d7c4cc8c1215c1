import { useId, useState, type FormEvent } from 'react';

import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useSetTargets, useTargets, type Goals } from '../api/statistics';
import { useDashboardText } from '../text';

/** The targets the figures are coloured against, for national coordinators to change (rates typed as percentages). */
export function TargetsEditor() {
  const { t } = useI18n();
  const d = useDashboardText();
  const id = useId();
  const targets = useTargets();
  return (
    <section aria-labelledby={`${id}-heading`}>
      <details>
        <summary>
          <h2 id={`${id}-heading`} className="summary-heading">
            {d('targetsHeading')}
          </h2>
        </summary>
        <p>{d('targetsIntro')}</p>
        {targets.data ? (
          <TargetsForm initial={targets.data} />
        ) : targets.isError ? (
          <Notice kind="error">{errorMessage(targets.error, t)}</Notice>
        ) : (
          <p role="status">{t('app.loading')}</p>
        )}
      </details>
    </section>
  );
}

function TargetsForm({ initial }: { initial: Goals }) {
  const { t } = useI18n();
  const d = useDashboardText();
  const id = useId();
  const save = useSetTargets();
  const percentOf = (rate: number) => String(Math.round(rate * 1000) / 10);
  const [values, setValues] = useState({
    threshold: String(initial.serviceLevelThresholdSeconds),
    serviceLevel: percentOf(initial.serviceLevel),
    abandonment: percentOf(initial.abandonmentRate),
    firstAttempt: percentOf(initial.firstAttemptWithin24hRate),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      serviceLevelThresholdSeconds: Number(values.threshold),
      serviceLevel: Number(values.serviceLevel) / 100,
      abandonmentRate: Number(values.abandonment) / 100,
      firstAttemptWithin24hRate: Number(values.firstAttempt) / 100,
    });
  };
  const field = (name: keyof typeof values, label: string, min: number, max: number, step: number) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        type="number"
        min={min}
        max={max}
        step={step}
        required
        value={values[name]}
        onChange={(event) => setValues({ ...values, [name]: event.target.value })}
      />
    </div>
  );
  return (
    <form onSubmit={submit}>
      {field('threshold', d('targetThreshold'), 10, 120, 1)}
      {field('serviceLevel', d('targetServiceLevel'), 0, 100, 0.1)}
      {field('abandonment', d('targetAbandonment'), 0, 100, 0.1)}
      {field('firstAttempt', d('targetFirstAttempt'), 0, 100, 0.1)}
      {save.isError && <Notice kind="error">{errorMessage(save.error, t)}</Notice>}
      {save.isSuccess && <Notice kind="success">{d('targetsSaved')}</Notice>}
      <button type="submit" disabled={save.isPending}>
        {d('saveTargets')}
      </button>
    </form>
  );
}
