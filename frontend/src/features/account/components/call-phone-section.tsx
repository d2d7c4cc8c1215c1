import { useId, useState, type FormEvent } from 'react';

import { FormField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/error-message';
import { fieldErrors } from '../../../lib/field-errors';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCallPhone, useRegisterCallPhone, useRemoveCallPhone } from '../api/call-phone';

/**
 * A coordinator's phone to call citizens back from (a request handed over to them, or taken from the worklist): the
 * platform rings it from the hotline, then the citizen, who never sees it.
 */
export function CallPhoneSection() {
  const { t } = useI18n();
  const id = useId();
  const current = useCallPhone(true);
  const register = useRegisterCallPhone();
  const remove = useRemoveCallPhone();
  const [phone, setPhone] = useState('');
  const errors = fieldErrors(register.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate(phone, { onSuccess: () => setPhone('') });
  };
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('account.callPhone.title')}</h2>
      <p>{t('account.callPhone.intro')}</p>
      {current.data?.maskedPhone ? (
        <p role="status">
          {t('account.callPhone.current', { masked: current.data.maskedPhone })}{' '}
          <button type="button" onClick={() => remove.mutate()} disabled={remove.isPending}>
            {t('account.callPhone.remove')}
          </button>
        </p>
      ) : (
        current.data && <p>{t('account.callPhone.none')}</p>
      )}
      <form onSubmit={submit} noValidate>
        <FormField
          label={t('account.callPhone.label')}
          type="tel"
          autoComplete="tel"
          maxLength={30}
          value={phone}
          error={errors.phone}
          onChange={(event) => setPhone(event.target.value)}
        />
        {register.isError && !errors.phone && <Notice kind="error">{errorMessage(register.error, t)}</Notice>}
        {remove.isError && <Notice kind="error">{errorMessage(remove.error, t)}</Notice>}
        <button type="submit" disabled={register.isPending}>
          {t('account.callPhone.save')}
        </button>
      </form>
    </section>
  );
}
