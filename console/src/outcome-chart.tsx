import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

// Only what a bar chart draws: the bundle stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const COLOURS = ['#1d6b2f', '#a3161a', '#d9822b', '#8a94a0', '#5b4ba3', '#2b7bb9'];

/** A bar per outcome; the numbers are also in the table next to it (the chart is a picture of them). */
export function OutcomeChart({ labels, values, title }: { labels: string[]; values: number[]; title: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);

  useEffect(() => {
    chart.current = new Chart(canvas.current!, {
      type: 'bar',
      data: { labels, datasets: [{ data: values, backgroundColor: COLOURS }] },
      options: {
        indexAxis: 'y',
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.current?.destroy();
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data.labels = labels;
    c.data.datasets[0]!.data = values;
    c.update();
  }, [labels.join('\n'), values.join(',')]);

  return (
    <div class="outcome-chart">
      <canvas ref={canvas} role="img" aria-label={title} />
    </div>
  );
}
