import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import { Field, FormField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import type { Role } from '../../../lib/auth';
import { errorMessage } from '../../../lib/error-message';
import { fieldErrors } from '../../../lib/field-errors';
import { useI18n } from '../../../lib/i18n/i18n';
import { useInviteAccount, type Region } from '../api/accounts';

/** Volunteers sign up on their own; the others join by invitation. */
const INVITED_ROLES: Role[] = ['COORDINATOR', 'ADMIN'];

/** Invites a coordinator or an administrator: each refusal is told beside its field. */
export function InvitationForm({
  regions,
  onClose,
}: {
  regions: Region[];
  onClose: (sent: string | null) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const invite = useInviteAccount();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('COORDINATOR');
  const [regionCode, setRegionCode] = useState('');

  useEffect(() => heading.current?.focus(), []);
  const errors = fieldErrors(invite.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    invite.mutate(
      {
        email: email.trim(),
        displayName: displayName.trim(),
        role,
        regionCode: role === 'COORDINATOR' && regionCode !== '' ? regionCode : null,
      },
      { onSuccess: (invited) => onClose(t('accounts.inviteSent', { email: invited.email })) },
    );
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="account-editor">
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('accounts.inviteHeading')}
      </h2>
      <p className="hint">{t('accounts.inviteHint')}</p>
      <form onSubmit={submit}>
        <FormField
          label={t('accounts.inviteName')}
          required
          maxLength={120}
          autoComplete="off"
          value={displayName}
          error={errors.displayName}
          onChange={(event) => setDisplayName(event.target.value)}
        />
        <FormField
          label={t('accounts.inviteEmail')}
          type="email"
          required
          maxLength={254}
          autoComplete="off"
          value={email}
          error={errors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <RoleField roles={INVITED_ROLES} value={role} error={errors.role} onChange={setRole} />
        {role === 'COORDINATOR' && (
          <RegionField
            regions={regions}
            value={regionCode}
            error={errors.regionCode}
            onChange={setRegionCode}
          />
        )}
        {invite.isError && Object.keys(errors).length === 0 && (
          <Notice kind="error">{errorMessage(invite.error, t)}</Notice>
        )}
        <div className="actions">
          <button type="submit" disabled={invite.isPending}>
            {t('accounts.inviteSend')}
          </button>
          <button type="button" onClick={() => onClose(null)}>
            {t('accounts.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A staff member's role, among those offered. */
export function RoleField({
  roles,
  value,
  error,
  onChange,
}: {
  roles: Role[];
  value: Role;
  error?: string;
  onChange: (role: Role) => void;
}) {
  const { t } = useI18n();
  return (
    <Field label={t('accounts.role')} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value as Role)}>
          {roles.map((option) => (
            <option key={option} value={option}>
              {t(`roles.${option}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A coordinator's région, or none for a national coordinator. */
export function RegionField({
  regions,
  value,
  error,
  onChange,
}: {
  regions: Region[];
  value: string;
  error?: string;
  onChange: (regionCode: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Field label={t('accounts.region')} hint={t('accounts.regionHint')} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('accounts.national')}</option>
          {regions.map((region) => (
            <option key={region.code} value={region.code}>
              {region.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
