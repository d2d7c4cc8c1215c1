import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

import { useDashboardText } from '../text';

Chart.register(...registerables);

/**
 * A chart (Chart.js, drawn on a canvas) with its table: the table is one keypress away, gives the same figures, and is
 * what screen readers are pointed to. `alternative` names what replaces the chart (a map is not a chart).
 */
export function ChartOrTable({
  title,
  chart,
  table,
  picture,
}: {
  title: string;
  chart?: ChartConfiguration;
  table: ReactNode;
  picture?: ReactNode;
}) {
  const d = useDashboardText();
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const label = showTable ? (picture ? d('showMap') : d('showChart')) : d('showTable');
  return (
    <div className="chart-or-table">
      <button
        type="button"
        aria-controls={`${id}-view`}
        aria-pressed={showTable}
        aria-label={`${label} : ${title}`}
        onClick={() => setShowTable(!showTable)}
      >
        {label}
      </button>
      <div id={`${id}-view`}>
        {showTable ? table : (picture ?? (chart && <ChartCanvas title={title} config={chart} />))}
      </div>
    </div>
  );
}

function ChartCanvas({ title, config }: { title: string; config: ChartConfiguration }) {
  const d = useDashboardText();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current || !canvas.current.getContext('2d')) {
      return;
    }
    const chart = new Chart(canvas.current, {
      ...config,
      options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options },
    });
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={d('chartOf', { title })}>
        {d('chartOf', { title })}
      </canvas>
    </div>
  );
}
