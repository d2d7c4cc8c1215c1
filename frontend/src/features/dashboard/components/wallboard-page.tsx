import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';

import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import type { Me } from '../../../lib/auth';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDefinitions, useRegions } from '../api/statistics';
import { useWallboard, type Wallboard } from '../api/wallboard';
import { count, percent, since, timeOfDay } from '../format';
import { useNow } from '../use-now';
import { AlertTexts } from './alert-texts';
import { Figure } from './figure';
import { TargetsEditor } from './targets-editor';
import { useDashboardText } from '../text';
import { ScrollingTable } from './scrolling-table';

/**
 * "Tableau de bord", for coordinators: the service now, in large type, readable from across a room; live (the
 * server pushes each change). A national coordinator sees the whole country by région and opens a région's own
 * wallboard, by département; a regional coordinator sees their région.
 */
export default function WallboardPage({ me }: { me: Me }) {
  const { t, language } = useI18n();
  const d = useDashboardText();
  const [searchParams] = useSearchParams();
  const national = me.role === 'ADMIN' || me.regionCode === null;
  const region = national ? searchParams.get('region') : me.regionCode;
  const { wallboard, live } = useWallboard(region);
  const definitions = useDefinitions();
  const regions = useRegions();
  const now = useNow();
  const id = useId();
  const definition = (code: string) => definitions.data?.[code]?.definition;

  if (wallboard.isPending) {
    return (
      <Page title={d('wallboardTitle')}>
        <p role="status">{t('app.loading')}</p>
      </Page>
    );
  }
  if (wallboard.isError) {
    return (
      <Page title={d('wallboardTitle')}>
        <Notice kind="error">{errorMessage(wallboard.error, t)}</Notice>
      </Page>
    );
  }
  const board: Wallboard = wallboard.data;
  const scopeName = board.region
    ? (regions.data?.find((r) => r.code === board.region)?.name ?? board.region)
    : d('national');
  const goals = board.targets;
  return (
    <Page title={`${d('wallboardTitle')} – ${scopeName}`}>
      <div className="wallboard">
        <p className="wallboard-freshness">
          {d('updatedAt', { time: timeOfDay(board.updatedAt, language) })} ·{' '}
          {live === 'connected' ? d('live') : d('reconnecting')}
          {national && board.region && (
            <>
              {' · '}
              <Link to="/tableau-de-bord">{d('national')}</Link>
            </>
          )}
        </p>
        <div role="alert">
          {board.alerts.length > 0 && (
            <section aria-labelledby={`${id}-alerts`} className="wallboard-alerts">
              <h2 id={`${id}-alerts`}>{d('alertsHeading')}</h2>
              <ul>
                {board.alerts.map((alert) => (
                  <li key={`${alert.rule}-${alert.scope}`}>
                    {d(`alert${alert.rule}`, {
                      scope: alert.scope === 'FR' ? d('national') : alert.scope,
                      time: timeOfDay(alert.since, language),
                    })}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>

        <section aria-labelledby={`${id}-now`}>
          <h2 id={`${id}-now`}>{d('nowHeading')}</h2>
          <dl className="figures figures-large">
            <Figure
              label={d('callersWaiting')}
              value={count(board.queue.callersWaiting, language)}
              detail={
                board.queue.longestWaitSince
                  ? d('longestWait', {
                      duration: since(board.queue.longestWaitSince, now, language),
                    })
                  : d('noWait')
              }
              definition={definition('callersWaiting')}
            />
            <Figure
              label={d('callbacksDue')}
              value={count(board.queue.callbacksDue, language)}
              detail={
                board.queue.oldestCallbackSince
                  ? d('oldestCallback', {
                      duration: since(board.queue.oldestCallbackSince, now, language),
                    })
                  : undefined
              }
              definition={definition('callbacksDue')}
            />
          </dl>
        </section>

        <section aria-labelledby={`${id}-volunteers`}>
          <h2 id={`${id}-volunteers`}>{d('volunteersHeading')}</h2>
          <dl className="figures">
            <Figure
              label={d('available')}
              value={count(board.volunteers.available, language)}
              definition={definition('volunteers.available')}
            />
            <Figure
              label={d('inCall')}
              value={count(board.volunteers.inCall, language)}
              definition={definition('volunteers.inCall')}
            />
            <Figure
              label={d('wrapUp')}
              value={count(board.volunteers.wrapUp, language)}
              definition={definition('volunteers.wrapUp')}
            />
            <Figure
              label={d('onBreak')}
              value={count(board.volunteers.onBreak, language)}
              definition={definition('volunteers.onBreak')}
            />
            <Figure
              label={d('onShiftOffline')}
              value={count(board.volunteers.onShiftOffline, language)}
              definition={definition('volunteers.onShiftOffline')}
            />
          </dl>
        </section>

        <section aria-labelledby={`${id}-today`}>
          <h2 id={`${id}-today`}>{d('todayHeading')}</h2>
          <p className="wallboard-counted">
            {d('todayCountedAt', { time: timeOfDay(board.todayCountedAt, language) })}
          </p>
          <dl className="figures">
            <Figure
              label={definitions.data?.offered?.label ?? ''}
              value={count(board.today.offered, language)}
              definition={definition('offered')}
            />
            <Figure
              label={definitions.data?.answered?.label ?? ''}
              value={count(board.today.answered, language)}
              definition={definition('answered')}
            />
            <Figure
              label={definitions.data?.abandoned?.label ?? ''}
              value={count(board.today.abandoned, language)}
              definition={definition('abandoned')}
            />
            <Figure
              label={definitions.data?.serviceLevel?.label ?? ''}
              value={percent(board.today.serviceLevel, language)}
              status={board.status.serviceLevel}
              target={d('serviceLevelTarget', {
                level: percent(goals.serviceLevel, language),
                seconds: String(goals.serviceLevelThresholdSeconds),
              })}
              definition={definition('serviceLevel')}
            />
            <Figure
              label={definitions.data?.abandonmentRate?.label ?? ''}
              value={percent(board.today.abandonmentRate, language)}
              status={board.status.abandonmentRate}
              target={`≤ ${percent(goals.abandonmentRate, language)}`}
              definition={definition('abandonmentRate')}
            />
            <Figure
              label={definitions.data?.missed?.label ?? ''}
              value={count(board.today.missed, language)}
              definition={definition('missed')}
            />
            <Figure
              label={definitions.data?.callbackRequests?.label ?? ''}
              value={count(board.today.callbackRequests, language)}
              definition={definition('callbackRequests')}
            />
            <Figure
              label={`${definitions.data?.firstAttemptWithin24hRate?.label ?? ''} (${d('lastWeek')})`}
              value={percent(board.firstAttemptWithin24hRate, language)}
              status={board.status.firstAttemptWithin24hRate}
              target={`≥ ${percent(goals.firstAttemptWithin24hRate, language)}`}
              definition={definition('firstAttemptWithin24hRate')}
            />
          </dl>
        </section>

        <AreasTable board={board} national={national && board.region === null} now={now} />

        <AlertTexts />

        {national && <TargetsEditor />}
      </div>
    </Page>
  );
}

function AreasTable({ board, national, now }: { board: Wallboard; national: boolean; now: number }) {
  const { language } = useI18n();
  const d = useDashboardText();
  const id = useId();
  const title = national ? d('areasRegions') : d('areasDepartements');
  return (
    <section aria-labelledby={`${id}-areas`}>
      <h2 id={`${id}-areas`}>{title}</h2>
      <ScrollingTable label={d('tableRegion', { label: title })}>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{d('area')}</th>
              <th scope="col">{d('callersWaiting')}</th>
              <th scope="col">{d('callbacksDue')}</th>
              <th scope="col">{d('available')}</th>
              <th scope="col">{d('inCall')}</th>
              <th scope="col">{d('answered')}</th>
              <th scope="col">{d('abandoned')}</th>
              <th scope="col">{d('serviceLevel')}</th>
            </tr>
          </thead>
          <tbody>
            {board.areas.map((area) => (
              <tr key={area.code}>
                <th scope="row">
                  {national ? (
                    <Link
                      to={`/tableau-de-bord?region=${area.code}`}
                      aria-label={d('seeRegion', { name: area.name })}
                    >
                      {area.name}
                    </Link>
                  ) : (
                    `${area.name} (${area.code})`
                  )}
                </th>
                <td>
                  {count(area.queue.callersWaiting, language)}
                  {area.queue.longestWaitSince && ` (${since(area.queue.longestWaitSince, now, language)})`}
                </td>
                <td>{count(area.queue.callbacksDue, language)}</td>
                <td>{count(area.volunteers.available, language)}</td>
                <td>{count(area.volunteers.inCall, language)}</td>
                <td>{count(area.today.answered, language)}</td>
                <td>{count(area.today.abandoned, language)}</td>
                <td>{percent(area.today.serviceLevel, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </section>
  );
}
