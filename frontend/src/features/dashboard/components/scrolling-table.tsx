import type { ReactNode } from 'react';

/**
 * A table that may be wider than the screen: its frame scrolls sideways, and can be focused (and so scrolled with the
 * arrow keys) by keyboard users, who hear what it holds.
 */
export function ScrollingTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
