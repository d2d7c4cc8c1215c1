import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { ApiError } from '../../../lib/api-client';
import type { Role } from '../../../lib/auth';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import {
  useChangeAccount,
  useRegions,
  useResendInvitation,
  useResetTwoFactor,
  useStaffAccounts,
  type Region,
  type StaffAccount,
} from '../api/accounts';

import { InvitationForm, RegionField, RoleField } from './invitation-form';

const ROLES: Role[] = ['VOLUNTEER', 'COORDINATOR', 'ADMIN'];

function useWhen() {
  const { language } = useI18n();
  return (at: string) =>
    new Date(at).toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Paris',
    });
}

/**
 * "Comptes", for administrators: every staff account with its role, région, state and second factor; inviting a
 * coordinator or an administrator; changing a role or a région, deactivating and reactivating (at once: the
 * account's sessions end), sending an invitation again, and resetting a lost second factor. A change someone else
 * made meanwhile is not overwritten: the form says so and reloads the account.
 */
export function AccountsPage() {
  const { t } = useI18n();
  const id = useId();
  const when = useWhen();
  const accounts = useStaffAccounts();
  const regions = useRegions();
  const [editing, setEditing] = useState<number | null>(null);
  const [inviting, setInviting] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const wanted = search.trim().toLocaleLowerCase();
  const shown = accounts.data?.filter(
    (row) =>
      wanted === '' ||
      row.displayName.toLocaleLowerCase().includes(wanted) ||
      row.email.toLocaleLowerCase().includes(wanted),
  );
  const regionName = (code: string | null) =>
    code === null
      ? t('accounts.national')
      : (regions.data?.find((region) => region.code === code)?.name ?? code);
  const account = accounts.data?.find((candidate) => candidate.id === editing);
  return (
    <Page title={t('accounts.title')}>
      <p>{t('accounts.intro')}</p>
      {accounts.isError && <Notice kind="error">{errorMessage(accounts.error, t)}</Notice>}
      {saved && <Notice kind="success">{saved}</Notice>}
      <p>
        <button
          type="button"
          id={`${id}-invite`}
          aria-expanded={inviting}
          onClick={() => {
            setSaved(null);
            setEditing(null);
            setInviting(true);
          }}
        >
          {t('accounts.inviteOpen')}
        </button>
      </p>
      {inviting && regions.data && (
        <InvitationForm
          regions={regions.data}
          onClose={(message) => {
            setInviting(false);
            setSaved(message);
            document.getElementById(`${id}-invite`)?.focus();
          }}
        />
      )}
      {account && regions.data && (
        <AccountEditor
          key={account.id}
          account={account}
          regions={regions.data}
          onClose={(message) => {
            setEditing(null);
            setSaved(message);
            document.getElementById(`${id}-edit-${account.id}`)?.focus();
          }}
        />
      )}
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('accounts.search')}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          maxLength={100}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {shown && (
        <table>
          <caption>{t('accounts.caption', { count: String(shown.length) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accounts.name')}</th>
              <th scope="col">{t('accounts.email')}</th>
              <th scope="col">{t('accounts.role')}</th>
              <th scope="col">{t('accounts.region')}</th>
              <th scope="col">{t('accounts.state')}</th>
              <th scope="col">{t('accounts.twoFactor')}</th>
              <th scope="col">{t('accounts.action')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.displayName}</th>
                <td>{row.email}</td>
                <td>{t(`roles.${row.role}`)}</td>
                <td>{row.role === 'COORDINATOR' ? regionName(row.regionCode) : '—'}</td>
                <td>
                  {!row.enabled
                    ? t('accounts.disabled')
                    : row.invitationExpiresAt !== null
                      ? new Date(row.invitationExpiresAt) > new Date()
                        ? t('accounts.invitationPending', { date: when(row.invitationExpiresAt) })
                        : t('accounts.invitationExpired', { date: when(row.invitationExpiresAt) })
                      : row.approved
                        ? t('accounts.active')
                        : t('accounts.awaitingApproval')}
                </td>
                <td>{row.twoFactorEnabled ? t('accounts.twoFactorOn') : t('accounts.twoFactorOff')}</td>
                <td>
                  <button
                    type="button"
                    id={`${id}-edit-${row.id}`}
                    onClick={() => {
                      setSaved(null);
                      setInviting(false);
                      setEditing(row.id);
                    }}
                  >
                    {t('accounts.edit', { name: row.displayName })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}

function AccountEditor({
  account,
  regions,
  onClose,
}: {
  account: StaffAccount;
  regions: Region[];
  onClose: (saved: string | null) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const change = useChangeAccount();
  const reset = useResetTwoFactor();
  const resend = useResendInvitation();
  // the account as it was read: its version goes with the change
  const [base, setBase] = useState(account);
  const [role, setRole] = useState<Role>(account.role);
  const [regionCode, setRegionCode] = useState(account.regionCode ?? '');
  const [enabled, setEnabled] = useState(account.enabled);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const stale = change.error instanceof ApiError && change.error.problem.code === 'problem.changed-meanwhile';

  useEffect(() => heading.current?.focus(), []);

  const reload = () => {
    setBase(account);
    setRole(account.role);
    setRegionCode(account.regionCode ?? '');
    setEnabled(account.enabled);
    change.reset();
    heading.current?.focus();
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate(
      {
        id: account.id,
        change: {
          role,
          regionCode: role === 'COORDINATOR' && regionCode !== '' ? regionCode : null,
          enabled,
          version: base.version,
        },
      },
      { onSuccess: (changed) => onClose(t('accounts.saved', { name: changed.displayName })) },
    );
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="account-editor">
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('accounts.editing', { name: account.displayName })}
      </h2>
      <p className="hint">{t('accounts.effect')}</p>
      <form onSubmit={submit}>
        <RoleField roles={ROLES} value={role} onChange={setRole} />
        {role === 'COORDINATOR' && (
          <RegionField regions={regions} value={regionCode} onChange={setRegionCode} />
        )}
        <div className="checkbox">
          <input
            id={`${id}-enabled`}
            type="checkbox"
            checked={enabled}
            onChange={(event) => setEnabled(event.target.checked)}
          />
          <label htmlFor={`${id}-enabled`}>{t('accounts.enabled')}</label>
        </div>
        {change.isError && <Notice kind="error">{errorMessage(change.error, t)}</Notice>}
        <div className="actions">
          {stale ? (
            <button type="button" onClick={reload}>
              {t('accounts.reload')}
            </button>
          ) : (
            <button type="submit" disabled={change.isPending}>
              {t('accounts.save')}
            </button>
          )}
          <button type="button" onClick={() => onClose(null)}>
            {t('accounts.cancel')}
          </button>
        </div>
      </form>
      {account.invitationExpiresAt !== null && account.enabled && (
        <div>
          <h3>{t('accounts.invitationHeading')}</h3>
          <p className="hint">{t('accounts.invitationHint')}</p>
          <button
            type="button"
            disabled={resend.isPending}
            onClick={() =>
              resend.mutate(account.id, {
                onSuccess: () => onClose(t('accounts.invitationResent', { email: account.email })),
              })
            }
          >
            {t('accounts.resendInvitation')}
          </button>
          {resend.isError && <Notice kind="error">{errorMessage(resend.error, t)}</Notice>}
        </div>
      )}
      {account.twoFactorEnabled && (
        <div>
          <h3>{t('accounts.resetHeading')}</h3>
          <p className="hint">{t('accounts.resetHint')}</p>
          {confirmingReset ? (
            <div className="actions">
              <button
                type="button"
                disabled={reset.isPending}
                onClick={() =>
                  reset.mutate(account.id, {
                    onSuccess: () => onClose(t('accounts.resetDone', { name: account.displayName })),
                  })
                }
              >
                {t('accounts.resetConfirm', { name: account.displayName })}
              </button>
              <button type="button" onClick={() => setConfirmingReset(false)}>
                {t('accounts.cancel')}
              </button>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirmingReset(true)}>
              {t('accounts.reset')}
            </button>
          )}
          {reset.isError && <Notice kind="error">{errorMessage(reset.error, t)}</Notice>}
        </div>
      )}
    </section>
  );
}
