import { useState } from 'preact/hooks';
import { AreaOptions } from './area-options.tsx';
import { useLatestAnswer } from './latest.ts';
import { duration, fetchStats, reportPath, statsProblem, type StatsAnswer, type StatsQuery } from './stats-api.ts';
import { bucketLabel, categoriesIn, TipsChart } from './tips-chart.tsx';
import './stats.css';

type T = (id: string) => string;

const queryOfAddress = (): StatsQuery => {
  const p = new URLSearchParams(location.search);
  return { area: p.get('area') ?? '', from: p.get('from') ?? '', to: p.get('to') ?? '' };
};

/** "Thống kê": an area's figures over a period, tips over time as a chart and a table, and the review report. */
export function StatsPage({ t, navigate }: { t: T; navigate: (path: string) => void }) {
  const [query, setQuery] = useState<StatsQuery>(queryOfAddress);
  const [fields, setFields] = useState<StatsQuery>(query);
  const [found, setFound] = useState<StatsAnswer | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  useLatestAnswer(
    () => {
      setProblem(undefined);
      return fetchStats(query);
    },
    (answer) => {
      setFound(answer);
      const shown = { area: answer.area.code, from: answer.from, to: answer.to };
      setFields(shown);
      history.replaceState(null, '', `/console/stats?${new URLSearchParams({ ...shown })}`);
    },
    (e) => setProblem(statsProblem(e)),
    [query],
  );

  const field = (name: keyof StatsQuery) => ({
    name,
    value: fields[name],
    onInput: (e: Event) => setFields({ ...fields, [name]: (e.currentTarget as HTMLInputElement).value }),
  });
  const shown: StatsQuery | undefined = found && { area: found.area.code, from: found.from, to: found.to };

  return (
    <section data-testid="stats">
      <form
        class="fields"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ ...fields });
        }}
      >
        <label>
          <span>{t('console-ui-stats-area')}</span>
          <select {...field('area')} onChange={field('area').onInput}>
            <AreaOptions areas={found?.areas ?? []} />
          </select>
        </label>
        <label>
          <span>{t('console-ui-stats-from')}</span>
          <input type="date" required {...field('from')} />
        </label>
        <label>
          <span>{t('console-ui-stats-to')}</span>
          <input type="date" required {...field('to')} />
        </label>
        <button type="submit">{t('console-ui-stats-show')}</button>
      </form>
      {problem && <p class="notice error">{t(problem)}</p>}
      {found && shown && !problem && (
        <>
          <p class="actions">
            <a
              class="button primary"
              href={reportPath(shown)}
              onClick={(e) => {
                e.preventDefault();
                navigate(reportPath(shown));
              }}
            >
              {t('console-ui-stats-report')}
            </a>
          </p>
          <Figures t={t} found={found} />
          <h3>{t('console-ui-stats-over-time')}</h3>
          <TipsChart t={t} overTime={found.statistics.tips.overTime} />
          <OverTimeTable t={t} found={found} />
        </>
      )}
    </section>
  );
}

function Figures({ t, found }: { t: T; found: StatsAnswer }) {
  const { tips, residents, models, festivals, broadcasts } = found.statistics;
  const cards: Array<[string, string]> = [
    ['received', String(tips.received)],
    ['handled', String(tips.handled)],
    ['urgent', String(tips.urgent)],
    ['median-ack', duration(t, tips.medianAcknowledgeSeconds)],
    ['median-resolve', duration(t, tips.medianResolveSeconds)],
    ['residents', String(residents.people)],
    ['models-active', String(models.active)],
    ['members', String(models.members)],
    ['festivals-held', String(festivals.held)],
    ['festivals-going', String(festivals.going)],
    ['broadcasts-sent', String(broadcasts.sent)],
    ['broadcasts-reached', `${broadcasts.reached} / ${broadcasts.recipients}`],
  ];
  return (
    <>
      <ul class="cards">
        {cards.map(([id, value]) => (
          <li key={id} data-testid={`card-${id}`}>
            <strong>{value}</strong>
            <span>{t(`console-ui-stats-${id}`)}</span>
          </li>
        ))}
      </ul>
      {found.platforms.length > 0 && (
        <p class="muted" data-testid="platforms">
          {found.platforms.map((p) => `${p.name} ${p.count}`).join(' · ')}
        </p>
      )}
    </>
  );
}

/** The chart's numbers, for reading and for screen readers: one row per week or month. */
function OverTimeTable({ t, found }: { t: T; found: StatsAnswer }) {
  const { overTime } = found.statistics.tips;
  const categories = categoriesIn(overTime);
  if (!categories.length) return <p class="notice">{t('console-ui-stats-no-tips')}</p>;
  return (
    <div class="wide">
      <table data-testid="over-time">
        <thead>
          <tr>
            <th>{t(overTime.unit === 'month' ? 'console-ui-stats-month' : 'console-ui-stats-week')}</th>
            {categories.map((c) => (
              <th key={c}>{t(`cat-${c}`)}</th>
            ))}
            <th>{t('console-ui-stats-total')}</th>
          </tr>
        </thead>
        <tbody>
          {overTime.buckets.map((b) => (
            <tr key={b.start}>
              <td>{bucketLabel(overTime.unit, b.start)}</td>
              {categories.map((c) => (
                <td key={c}>{b.byCategory[c] ?? 0}</td>
              ))}
              <td>{Object.values(b.byCategory).reduce((n, v) => n + v, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
