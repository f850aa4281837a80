import { useEffect, useState } from 'preact/hooks';
import { getJson } from './http.ts';
import './staff.css';

type T = (id: string) => string;
type Health = { status: string } & Record<string, unknown>;

/** A part's state: "ok"/"down" for the checks, the OA token's state for its detail ("unknown" when it did not answer). */
const stateOf = (value: unknown): string =>
  typeof value === 'string' ? value : ((value as { token?: string } | null)?.token ?? 'unknown');

/** The operator's "Hệ thống": the health of each part (what /readyz tells) and the queues' dashboard. */
export function SystemPage({ t }: { t: T }) {
  const [health, setHealth] = useState<Health | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    getJson<Health>('/console/api/health')
      .then(setHealth)
      .catch(() => setFailed(true));
  }, []);
  const { status, ...parts } = health ?? { status: '' };
  return (
    <>
      <section data-testid="health">
        <h3>{t('console-ui-health')}</h3>
        {failed && <p class="notice error">{t('console-ui-error')}</p>}
        {health && (
          <>
            <p class={status === 'ready' ? 'ok' : 'error'}>
              {t(status === 'ready' ? 'console-ui-health-ready' : 'console-ui-health-not-ready')}
            </p>
            <ul class="rows">
              {Object.entries(parts).map(([name, value]) => (
                <li key={name} data-testid="health-part">
                  <strong>{t(`console-ui-health-${name}`)}</strong>
                  {/* Where the queues run is a fact, not a state: never shown as a failure. */}
                  <span class={stateOf(value) === 'ok' || name === 'queue_backend' ? 'ok' : 'error'}>
                    {t(`console-ui-health-state-${stateOf(value).replace(/ /g, '-')}`)}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section>
        <h3>{t('console-ui-queues')}</h3>
        <p>
          <a href="/console/queues" data-testid="queues-link">
            {t('console-ui-queues-open')}
          </a>
        </p>
      </section>
    </>
  );
}
