import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';

import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { CONSOLE } from '../api/console-state';
import { useAcceptCharter, useTraining } from '../api/training';

const RULES = ['guide', 'passwords', 'privacy', 'respect', 'redirect', 'phone'] as const;

/**
 * What stands between a new volunteer and their first "Disponible": a coordinator's approval, the charter read and
 * accepted, and practice calls on the training phone (each one that goes through the whole menu counts).
 */
export function TrainingChecklist({
  onApproved,
  live = false,
}: { onApproved?: () => void; live?: boolean } = {}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const training = useTraining(live);
  const accept = useAcceptCharter();
  const data = training.data;
  const complete = data !== undefined && data.approvedAt !== null && data.trainedAt !== null;
  const approved = data !== undefined && data.approvedAt !== null;
  useEffect(() => {
    if (approved && onApproved) {
      onApproved();
    }
  }, [approved, onApproved]);
  useEffect(() => {
    if (complete) {
      // approved and trained: the console may now offer "Disponible"
      void queryClient.invalidateQueries({ queryKey: CONSOLE });
    }
  }, [complete, queryClient]);
  if (!data) {
    return training.isError ? <Notice kind="error">{errorMessage(training.error, t)}</Notice> : null;
  }
  const done = (yes: boolean) => (yes ? t('console.training.done') : t('console.training.todo'));
  return (
    <section aria-labelledby="training-title" className="training">
      <h2 id="training-title">{t('console.training.title')}</h2>
      <ol>
        <li>
          <strong>{done(data.approvedAt !== null)}</strong> {t('console.training.approval')}
          {data.approvedAt === null && <p className="hint">{t('console.training.approvalPending')}</p>}
        </li>
        <li>
          <strong>{done(data.charterAcceptedAt !== null)}</strong> {t('console.training.charter')}
          <div className="charter">
            <ul>
              {RULES.map((rule) => (
                <li key={rule}>{t(`console.training.rules.${rule}`)}</li>
              ))}
            </ul>
          </div>
          {data.charterAcceptedAt === null && (
            <button
              type="button"
              className="primary"
              disabled={accept.isPending}
              onClick={() => accept.mutate()}
            >
              {t('console.training.accept')}
            </button>
          )}
          {accept.isError && <Notice kind="error">{errorMessage(accept.error, t)}</Notice>}
        </li>
        <li>
          <strong>{done(data.practiceCalls >= data.practiceCallsRequired)}</strong>{' '}
          {t('console.training.practice', {
            done: String(Math.min(data.practiceCalls, data.practiceCallsRequired)),
            required: String(data.practiceCallsRequired),
          })}
          <p className="hint">
            {t('console.training.practiceHint')}{' '}
            <Link to="/telephone">{t('console.training.phoneLink')}</Link>
          </p>
        </li>
      </ol>
    </section>
  );
}
