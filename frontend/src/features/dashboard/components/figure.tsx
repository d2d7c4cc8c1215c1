import { useId, type ReactNode } from 'react';

import type { Status } from '../api/wallboard';
import { useDashboardText } from '../text';

/**
 * One figure of the wallboard, in large type: its name, its value, how it stands against its target in words (never
 * by colour alone), and its definition on demand.
 */
export function Figure({
  label,
  value,
  detail,
  status,
  target,
  definition,
}: {
  label: string;
  value: string;
  detail?: ReactNode;
  status?: Status;
  target?: string;
  definition?: string;
}) {
  const d = useDashboardText();
  const id = useId();
  return (
    <div className={`figure${status ? ` figure-${status.toLowerCase()}` : ''}`}>
      <dt id={id}>{label}</dt>
      <dd className="figure-value">{value}</dd>
      {detail && <dd className="figure-detail">{detail}</dd>}
      {status && target && <dd className="figure-status">{d(`status${status}`, { target })}</dd>}
      {definition && (
        <dd className="figure-definition">
          <details>
            <summary>
              {d('definition')}
              <span className="visually-hidden"> : {label}</span>
            </summary>
            <p>{definition}</p>
          </details>
        </dd>
      )}
    </div>
  );
}
