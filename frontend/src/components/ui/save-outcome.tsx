import type { ReactNode } from 'react';

import { errorMessage } from '../../lib/error-message';
import { changedMeanwhile } from '../../lib/field-errors';
import { useI18n } from '../../lib/i18n/i18n';
import { Notice } from './notice';

/**
 * What became of a save: the server's reason, or that it was saved; then the form's buttons (`children`), or, when
 * someone changed the same thing meanwhile, a button that reloads it instead of saving again.
 */
export function SaveOutcome({
  error,
  saved,
  reloadLabel,
  onReload,
  children,
}: {
  error: unknown;
  saved: string | null;
  reloadLabel: string;
  onReload: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      {error != null && <Notice kind="error">{errorMessage(error, t)}</Notice>}
      {saved && <Notice kind="success">{saved}</Notice>}
      <div className="actions">
        {changedMeanwhile(error) ? (
          <button type="button" onClick={onReload}>
            {reloadLabel}
          </button>
        ) : (
          children
        )}
      </div>
    </>
  );
}
