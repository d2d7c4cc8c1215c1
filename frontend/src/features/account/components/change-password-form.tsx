import { useState, type FormEvent } from 'react';

import { FormField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useChangePassword } from '../api/change-password';

const MIN_LENGTH = 12;

/** Replaces the signed-in staff member's password; checks what it can before asking the server. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [localError, setLocalError] = useState<string>();
  const [changed, setChanged] = useState(false);
  const change = useChangePassword(() => {
    setChanged(true);
    setCurrentPassword('');
    setNewPassword('');
    setConfirmation('');
    onChanged();
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setChanged(false);
    if ([...newPassword].length < MIN_LENGTH) {
      setLocalError(t('account.tooShort'));
      return;
    }
    if (newPassword !== confirmation) {
      setLocalError(t('account.passwordsDiffer'));
      return;
    }
    setLocalError(undefined);
    change.mutate({ currentPassword, newPassword });
  }

  const serverError = change.isError ? errorMessage(change.error, t) : undefined;
  const currentWrong =
    change.error instanceof ApiError && change.error.problem.code === 'account.password.current-wrong';
  return (
    <form onSubmit={submit}>
      {changed && <Notice kind="success">{t('account.changed')}</Notice>}
      {(localError ?? serverError) && <Notice kind="error">{localError ?? serverError}</Notice>}
      <FormField
        label={t('account.currentPassword')}
        type="password"
        autoComplete="current-password"
        required
        value={currentPassword}
        error={currentWrong ? serverError : undefined}
        onChange={(event) => setCurrentPassword(event.target.value)}
      />
      <FormField
        label={t('account.newPassword')}
        hint={t('account.newPasswordHint')}
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_LENGTH}
        value={newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
      />
      <FormField
        label={t('account.confirmPassword')}
        type="password"
        autoComplete="new-password"
        required
        value={confirmation}
        onChange={(event) => setConfirmation(event.target.value)}
      />
      <button type="submit" disabled={change.isPending}>
        {change.isPending ? t('account.submitting') : t('account.submit')}
      </button>
    </form>
  );
}
