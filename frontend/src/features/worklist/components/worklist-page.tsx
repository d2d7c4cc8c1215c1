import { useId, useState } from 'react';
import { Link } from 'react-router';

import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDepartements, useThemes } from '../../../lib/reference-data';
import { PAGE_SIZE, WAITING, useWorklist, type Filters, type Status } from '../api/worklist';
import { useWorklistText } from '../text';

const AGES = [0, 1, 4, 24, 48];

/**
 * "Demandes en attente", for coordinators: the requests of their scope waiting, offered, held or planned, the oldest
 * first, filtered by status, theme, département and age; each opens on its own page.
 */
export function WorklistPage() {
  const { t, language } = useI18n();
  const w = useWorklistText();
  const id = useId();
  const themes = useThemes();
  const departements = useDepartements();
  const [filters, setFilters] = useState<Filters>({
    statuses: [],
    topic: '',
    departement: '',
    olderThanHours: 0,
  });
  const [page, setPage] = useState(0);
  // the age filter counts from when the list was asked for, not from every render
  const [now, setNow] = useState(() => Date.now());
  const worklist = useWorklist(filters, page, now);
  const change = (next: Partial<Filters>) => {
    setFilters({ ...filters, ...next });
    setPage(0);
    setNow(Date.now());
  };
  const themeName = (code: string) => {
    const theme = themes.data?.find((candidate) => candidate.code === code);
    return theme ? (language === 'fr' ? theme.nameFr : theme.nameEn) : code;
  };
  const when = (at: string) =>
    new Date(at).toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'short',
    });
  const pages = worklist.data ? Math.max(1, Math.ceil(worklist.data.total / PAGE_SIZE)) : 1;
  return (
    <Page title={w('title')}>
      <p>{w('intro')}</p>
      <form className="filters" aria-label={w('filters')} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-status`}>{w('status')}</label>
          <select
            id={`${id}-status`}
            value={filters.statuses[0] ?? ''}
            onChange={(event) =>
              change({ statuses: event.target.value ? [event.target.value as Status] : [] })
            }
          >
            <option value="">{w('anyWaiting')}</option>
            {WAITING.map((status) => (
              <option key={status} value={status}>
                {t(`console.statuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-topic`}>{w('topic')}</label>
          <select
            id={`${id}-topic`}
            value={filters.topic}
            onChange={(event) => change({ topic: event.target.value })}
          >
            <option value="">{w('anyTopic')}</option>
            {themes.data?.map((theme) => (
              <option key={theme.code} value={theme.code}>
                {language === 'fr' ? theme.nameFr : theme.nameEn}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-departement`}>{w('departement')}</label>
          <select
            id={`${id}-departement`}
            value={filters.departement}
            onChange={(event) => change({ departement: event.target.value })}
          >
            <option value="">{w('anyDepartement')}</option>
            {departements.data?.map((departement) => (
              <option key={departement.code} value={departement.code}>
                {departement.code} – {departement.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-age`}>{w('age')}</label>
          <select
            id={`${id}-age`}
            value={filters.olderThanHours}
            onChange={(event) => change({ olderThanHours: Number(event.target.value) })}
          >
            {AGES.map((hours) => (
              <option key={hours} value={hours}>
                {hours === 0 ? w('anyAge') : w('olderThan', { hours: String(hours) })}
              </option>
            ))}
          </select>
        </div>
      </form>
      {worklist.isError && <Notice kind="error">{errorMessage(worklist.error, t)}</Notice>}
      {worklist.data && worklist.data.items.length === 0 && <p role="status">{w('none')}</p>}
      {worklist.data && worklist.data.items.length > 0 && (
        <>
          <table>
            <caption>{w('caption', { total: String(worklist.data.total) })}</caption>
            <thead>
              <tr>
                <th scope="col">{w('reference')}</th>
                <th scope="col">{w('kind')}</th>
                <th scope="col">{w('topic')}</th>
                <th scope="col">{w('departement')}</th>
                <th scope="col">{w('status')}</th>
                <th scope="col">{w('since')}</th>
              </tr>
            </thead>
            <tbody>
              {worklist.data.items.map((request) => (
                <tr key={request.id}>
                  <th scope="row">
                    <Link to={`/demandes/${request.id}`}>{request.reference}</Link>
                    {request.priority >= 9 && <> ({w('prioritised')})</>}
                  </th>
                  <td>{w(`kind_${request.kind}`)}</td>
                  <td>{themeName(request.topicCode)}</td>
                  <td>{request.departementCode}</td>
                  <td>{t(`console.statuses.${request.status}`)}</td>
                  <td>{when(request.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 && (
            <nav aria-label={w('pageOf', { page: String(page + 1), pages: String(pages) })}>
              <p>{w('pageOf', { page: String(page + 1), pages: String(pages) })}</p>
              <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
                {w('previous')}
              </button>{' '}
              <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
                {w('next')}
              </button>
            </nav>
          )}
        </>
      )}
    </Page>
  );
}
