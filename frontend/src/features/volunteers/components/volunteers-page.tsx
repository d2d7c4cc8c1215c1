import { useId, useState } from 'react';
import { Link } from 'react-router';

import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useTerritories, useVolunteerList, type VolunteerLine } from '../api/volunteers';
import { useVolunteersText } from '../text';

/** "Bénévoles", for coordinators: the volunteers of their scope, each with a link to their file. */
export function VolunteersPage() {
  const { t } = useI18n();
  const v = useVolunteersText();
  const id = useId();
  const volunteers = useVolunteerList();
  const { departements } = useTerritories();
  const [search, setSearch] = useState('');
  const wanted = search.trim().toLocaleLowerCase();
  const shown = volunteers.data?.filter(
    (row) => wanted === '' || row.displayName.toLocaleLowerCase().includes(wanted),
  );
  const departementName = (code: string) =>
    `${departements.data?.find((departement) => departement.code === code)?.name ?? ''} (${code})`.trim();
  const state = (row: VolunteerLine) =>
    !row.enabled
      ? v('disabled')
      : !row.approved
        ? v('pendingApproval')
        : !row.trained
          ? v('training')
          : v('trained');
  return (
    <Page title={v('listTitle')}>
      <p>{v('listIntro')}</p>
      {volunteers.isError && <Notice kind="error">{errorMessage(volunteers.error, t)}</Notice>}
      <div className="field">
        <label htmlFor={`${id}-search`}>{v('search')}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          maxLength={100}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {volunteers.data && volunteers.data.length === 0 && <p>{v('none')}</p>}
      {shown && shown.length > 0 && (
        <table>
          <caption>{v('caption', { count: String(shown.length) })}</caption>
          <thead>
            <tr>
              <th scope="col">{v('name')}</th>
              <th scope="col">{v('departement')}</th>
              <th scope="col">{v('state')}</th>
              <th scope="col">{v('capacity')}</th>
              <th scope="col">{v('presence')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link to={`/benevoles/${row.id}`}>{row.displayName}</Link>
                </th>
                <td>{departementName(row.departementCode)}</td>
                <td>{state(row)}</td>
                <td>{row.capacity}</td>
                <td>{v(`presence_${row.presence}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
