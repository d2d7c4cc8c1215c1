import { useId, useState, type FormEvent } from 'react';

import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { errorMessage } from '../../../lib/error-message';
import { useI18n, type Translate } from '../../../lib/i18n/i18n';
import { AUDIT_ACTIONS, NO_FILTER, useAuditLog, type AuditEntry, type AuditFilter } from '../api/audit-log';

const DETAIL_NAMES = [
  'role',
  'regionCode',
  'enabled',
  'reason',
  'masked',
  'method',
  'path',
  'keyVersion',
  'sessions',
  'erased',
] as const;

const REASONS = ['BadCredentialsException', 'DisabledException', 'no-current-link'] as const;

function actionName(action: string, t: Translate) {
  const known = AUDIT_ACTIONS.find((candidate) => candidate === action);
  return known ? t(`audit.actions.${known}`) : action;
}

function value(name: string, raw: unknown, t: Translate): string {
  if (raw === null || raw === undefined) return t('audit.none');
  if (typeof raw === 'boolean') return t(raw ? 'audit.yes' : 'audit.no');
  if (name === 'reason') {
    const known = REASONS.find((reason) => reason === raw);
    if (known) return t(`audit.reasons.${known}`);
  }
  return typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
}

function label(name: string, t: Translate) {
  const known = DETAIL_NAMES.find((candidate) => candidate === name);
  return known ? t(`audit.detailNames.${known}`) : name;
}

/** A change as "what: before → after" for each part that changed, anything else as "what: value". */
function describe(detail: Record<string, unknown>, t: Translate): string[] {
  const before = detail.before;
  const after = detail.after;
  if (before && after && typeof before === 'object' && typeof after === 'object') {
    const was = before as Record<string, unknown>;
    const is = after as Record<string, unknown>;
    return [...new Set([...Object.keys(was), ...Object.keys(is)])]
      .filter((name) => JSON.stringify(was[name]) !== JSON.stringify(is[name]))
      .map((name) => `${label(name, t)} : ${value(name, was[name], t)} → ${value(name, is[name], t)}`);
  }
  return Object.entries(detail).map(([name, raw]) => `${label(name, t)} : ${value(name, raw, t)}`);
}

/**
 * "Journal d'audit", for administrators: who signed in or failed to, who was refused what, who changed an account
 * or the blocklist (before and after), who read a request's personal data. Newest first, filtered by action,
 * person, object and days; entries go after twelve months.
 */
export function AuditLogPage() {
  const { t, language } = useI18n();
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const log = useAuditLog(filter);
  const entries = log.data?.pages.flatMap((page) => page.events) ?? [];
  const when = (at: string) =>
    new Date(at).toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'medium',
      timeZone: 'Europe/Paris',
    });
  return (
    <Page title={t('audit.title')}>
      <p>{t('audit.intro')}</p>
      <FilterForm onFilter={setFilter} />
      {log.isError && <Notice kind="error">{errorMessage(log.error, t)}</Notice>}
      {log.isSuccess && entries.length === 0 && <p role="status">{t('audit.empty')}</p>}
      {entries.length > 0 && (
        <table className="audit-log">
          <caption>{t('audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.columns.at')}</th>
              <th scope="col">{t('audit.columns.action')}</th>
              <th scope="col">{t('audit.columns.actor')}</th>
              <th scope="col">{t('audit.columns.target')}</th>
              <th scope="col">{t('audit.columns.detail')}</th>
              <th scope="col">{t('audit.columns.address')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry: AuditEntry) => (
              <tr key={entry.id}>
                <td>{when(entry.at)}</td>
                <th scope="row">{actionName(entry.action, t)}</th>
                <td>{entry.actor ?? t('audit.nobody')}</td>
                <td>{entry.target ?? t('audit.none')}</td>
                <td>
                  {describe(entry.detail, t).map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                </td>
                <td>{entry.clientAddress ?? t('audit.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {log.hasNextPage && (
        <button type="button" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
          {t('audit.older')}
        </button>
      )}
    </Page>
  );
}

function FilterForm({ onFilter }: { onFilter: (filter: AuditFilter) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<AuditFilter>(NO_FILTER);
  const set = (name: keyof AuditFilter) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [name]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onFilter(draft);
  };
  return (
    <form onSubmit={submit} aria-label={t('audit.filter')}>
      <div className="field">
        <label htmlFor={`${id}-action`}>{t('audit.columns.action')}</label>
        <select id={`${id}-action`} value={draft.action} onChange={set('action')}>
          <option value="">{t('audit.allActions')}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {actionName(action, t)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-actor`}>{t('audit.columns.actor')}</label>
        <p id={`${id}-actor-hint`} className="hint">
          {t('audit.actorHint')}
        </p>
        <input
          id={`${id}-actor`}
          value={draft.actor}
          maxLength={254}
          aria-describedby={`${id}-actor-hint`}
          onChange={set('actor')}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-target`}>{t('audit.columns.target')}</label>
        <p id={`${id}-target-hint`} className="hint">
          {t('audit.targetHint')}
        </p>
        <input
          id={`${id}-target`}
          value={draft.target}
          maxLength={120}
          aria-describedby={`${id}-target-hint`}
          onChange={set('target')}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('audit.from')}</label>
        <input id={`${id}-from`} type="date" value={draft.from} onChange={set('from')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('audit.to')}</label>
        <input id={`${id}-to`} type="date" value={draft.to} onChange={set('to')} />
      </div>
      <button type="submit">{t('audit.apply')}</button>
    </form>
  );
}
