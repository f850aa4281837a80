import { useEffect, useState } from 'preact/hooks';
import {
  dayText,
  duration,
  fetchReport,
  statsProblem,
  type ReportAnswer,
  type ReportCell,
  type StatsQuery,
} from './stats-api.ts';
import './stats.css';

type T = (id: string) => string;

const cellText = (t: T, cell: ReportCell) => (typeof cell === 'object' ? duration(t, cell.seconds) : String(cell));

/**
 * The periodic review report ("Báo cáo sơ kết"), for an area and a period, as a page to print on A4 (the browser's
 * print to PDF makes its PDF). Its figures come from the server as they may be shown: small counts as "< 5".
 */
export function ReportPage({ t, navigate }: { t: T; navigate: (path: string) => void }) {
  const [report, setReport] = useState<ReportAnswer | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  useEffect(() => {
    const p = new URLSearchParams(location.search);
    const query: StatsQuery = { area: p.get('area') ?? '', from: p.get('from') ?? '', to: p.get('to') ?? '' };
    fetchReport(query)
      .then(setReport)
      .catch((e) => setProblem(statsProblem(e)));
  }, []);

  const back = (
    <a
      class="button"
      href="/console/stats"
      onClick={(e) => {
        e.preventDefault();
        navigate(`/console/stats${location.search}`);
      }}
    >
      {t('console-ui-stats-back')}
    </a>
  );
  if (problem)
    return (
      <section class="report">
        <p class="notice error">{t(problem)}</p>
        {back}
      </section>
    );
  if (!report) return <p class="notice">{t('console-ui-loading')}</p>;
  return (
    <article class="report" data-testid="report">
      <p class="actions no-print">
        {back}
        <button type="button" class="primary" onClick={() => window.print()}>
          {t('console-ui-stats-print')}
        </button>
      </p>
      <header class="report-head">
        <h2>{t('console-ui-stats-report-title')}</h2>
        <p data-testid="report-area">{report.area.name}</p>
        <p data-testid="report-period">
          {t('console-ui-stats-report-from')} {dayText(report.from)} {t('console-ui-stats-report-to')}{' '}
          {dayText(report.to)}
        </p>
      </header>
      {report.tables.map((table, i) => (
        <section key={table.id} class="report-table">
          <h3>
            {i + 1}. {t(`console-ui-stats-table-${table.id}`)}
          </h3>
          {table.rows.length ? (
            <div class="wide">
              <table data-testid={`table-${table.id}`}>
                <thead>
                  <tr>
                    <th>{t('console-ui-stats-col-item')}</th>
                    {table.columns.map((c) => (
                      <th key={c}>{t(c)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row) => (
                    <tr key={row.id} data-row={row.id}>
                      <th scope="row">{row.named ? row.label : t(row.label)}</th>
                      {row.cells.map((cell, j) => (
                        <td key={j}>{cellText(t, cell)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p class="notice">{t('console-ui-stats-none-in-period')}</p>
          )}
        </section>
      ))}
      <p class="muted report-foot">
        {t('console-ui-stats-report-made')} {dayText(report.madeOn)}. {t('console-ui-stats-report-guarded')}
      </p>
    </article>
  );
}
