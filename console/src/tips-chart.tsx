import { useEffect, useRef } from 'preact/hooks';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { Statistics } from './stats-api.ts';

// Only the parts a stacked bar chart needs: the bundle stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** One colour per category, the same on every chart. */
const COLOURS: Record<string, string> = {
  theft: '#a3161a',
  drugs: '#6a1b9a',
  gambling: '#ef6c00',
  fraud: '#1565c0',
  violence: '#c2185b',
  suspicious: '#2e7d32',
  traffic: '#f9a825',
  fire: '#d84315',
  other: '#607d8b',
};

type T = (id: string) => string;
type OverTime = Statistics['tips']['overTime'];

/** "01/07" for a week, "07/2026" for a month. */
export const bucketLabel = (unit: OverTime['unit'], start: string) => {
  const [y, m, d] = start.split('-');
  return unit === 'month' ? `${m}/${y}` : `${d}/${m}`;
};

/** The categories that have tips in the period, in the order of the chart's legend. */
export const categoriesIn = (overTime: OverTime) =>
  Object.keys(COLOURS).filter((c) => overTime.buckets.some((b) => b.byCategory[c]));

/** Tips over the period, a stacked bar per week or month, one colour per category. */
export function TipsChart({ t, overTime }: { t: T; overTime: OverTime }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new Chart(canvas.current!, {
      type: 'bar',
      data: {
        labels: overTime.buckets.map((b) => bucketLabel(overTime.unit, b.start)),
        datasets: categoriesIn(overTime).map((c) => ({
          label: t(`cat-${c}`),
          data: overTime.buckets.map((b) => b.byCategory[c] ?? 0),
          backgroundColor: COLOURS[c],
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom' } },
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [overTime, t]);
  return (
    <div class="chart">
      <canvas ref={canvas} role="img" aria-label={t('console-ui-stats-chart')} data-testid="tips-chart" />
    </div>
  );
}
