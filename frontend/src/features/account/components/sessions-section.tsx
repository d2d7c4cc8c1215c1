import { useId, useState } from 'react';

import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useEndSessions, useMySessions } from '../api/sessions';

/**
 * "Mes connexions": where the staff member is signed in (a computer at home, at the association, a phone), and
 * ending the connections they do not recognise, their password asked again.
 */
export function SessionsSection() {
  const { t, language } = useI18n();
  const id = useId();
  const sessions = useMySessions();
  const end = useEndSessions();
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const when = (at: string) =>
    new Date(at).toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Paris',
    });
  const ask = (session?: string) => {
    if (password === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    end.mutate({ password, session }, { onSuccess: () => setPassword('') });
  };
  const others = sessions.data?.filter((session) => !session.current) ?? [];
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('sessions.title')}</h2>
      <p className="hint">{t('sessions.intro')}</p>
      {sessions.isError && <Notice kind="error">{errorMessage(sessions.error, t)}</Notice>}
      {sessions.data && (
        <table>
          <caption>{t('sessions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sessions.lastUsed')}</th>
              <th scope="col">{t('sessions.opened')}</th>
              <th scope="col">{t('sessions.action')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.map((session) => (
              <tr key={session.reference}>
                <th scope="row">{when(session.lastUsedAt)}</th>
                <td>{when(session.createdAt)}</td>
                <td>
                  {session.current ? (
                    t('sessions.current')
                  ) : (
                    <button type="button" disabled={end.isPending} onClick={() => ask(session.reference)}>
                      {t('sessions.endOne', { when: when(session.lastUsedAt) })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {others.length > 0 && (
        <>
          <div className="field">
            <label htmlFor={`${id}-password`}>{t('sessions.password')}</label>
            <p id={`${id}-hint`} className="hint">
              {t('sessions.passwordHint')}
            </p>
            <input
              id={`${id}-password`}
              type="password"
              autoComplete="current-password"
              value={password}
              aria-describedby={`${id}-hint`}
              aria-invalid={missing ? true : undefined}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          <button type="button" disabled={end.isPending} onClick={() => ask()}>
            {t('sessions.endOthers')}
          </button>
        </>
      )}
      {missing && <Notice kind="error">{t('sessions.passwordMissing')}</Notice>}
      {end.isError && <Notice kind="error">{errorMessage(end.error, t)}</Notice>}
      {end.isSuccess && (
        <Notice kind="success">{t('sessions.ended', { count: String(end.data.ended) })}</Notice>
      )}
    </section>
  );
}
