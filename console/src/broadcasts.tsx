import { useEffect, useState } from 'preact/hooks';
import { TextArea } from './text-area.tsx';
import type { Locale, Me } from './api.ts';
import { AreaOptions } from './area-options.tsx';
import {
  countRecipients,
  draftBroadcast,
  fetchBroadcast,
  fetchBroadcasts,
  fetchComposeOptions,
  moving,
  OUTCOMES,
  percent,
  PLATFORM_NAMES,
  PLATFORMS,
  previewBroadcast,
  settled,
  startBroadcast,
  steerBroadcast,
  type Audience,
  type BroadcastSummary,
  type ComposeOptions,
  type Platform,
  type Preview,
  type RecipientCount,
} from './broadcasts-api.ts';
import { ApiError } from './http.ts';
import { OutcomeChart } from './outcome-chart.tsx';
import { broadcastPath, sectionPath } from './sections.ts';
import './broadcasts.css';

type T = (id: string) => string;
interface PageProps {
  me: Me;
  t: T;
  locale: Locale;
  navigate: (path: string) => void;
}

/** How often figures are asked again while a broadcast is under way. */
const POLL_MS = 1500;
/** The body's length, as the use case checks it (src/broadcasting/content.ts). */
const MIN_BODY = 5;
const MAX_BODY = 3500;
const VIETNAM = 'Asia/Ho_Chi_Minh';

/** Vietnam's clock, whatever the browser's zone. */
const time = (locale: Locale, iso: string) =>
  new Date(iso).toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: VIETNAM,
    dateStyle: 'short',
    timeStyle: 'short',
  });

/** Loads now, then again every POLL_MS while `again` says the figures still move. */
function usePolled<V>(load: () => Promise<V>, again: (v: V) => boolean, key: unknown = undefined) {
  const [value, setValue] = useState<V | undefined>(undefined);
  const [problem, setProblem] = useState<ApiError | Error | undefined>(undefined);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    load()
      .then((v) => {
        if (!live) return;
        setValue(v);
        setProblem(undefined);
        if (again(v)) timer = setTimeout(() => setTick((n) => n + 1), POLL_MS);
      })
      .catch((e: Error) => live && setProblem(e));
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [tick, key]);
  return { value, problem, reload: () => setTick((n) => n + 1) };
}

function ProgressBar({ t, b }: { t: T; b: BroadcastSummary }) {
  const value = percent(b);
  return (
    <div class="progress-line">
      <div
        class="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-label={`${t('console-ui-broadcasts-progress')} #${b.id}`}
      >
        <div class={`progress-fill ${b.status}`} style={{ width: `${value}%` }} />
      </div>
      <span class="muted small" data-testid="progress-figures">
        {value}% · {settled(b)}/{b.recipientCount}
      </span>
    </div>
  );
}

function StateBadge({ t, b }: { t: T; b: BroadcastSummary }) {
  return <span class={`badge state-${b.status}`}>{t(`console-ui-broadcasts-state-${b.status}`)}</span>;
}

/** "Thông báo": the compose form and the latest broadcasts of the officer's areas, with their progress. */
export function BroadcastsPage(props: PageProps) {
  const { t, locale, navigate } = props;
  const list = usePolled(fetchBroadcasts, (found) => found.broadcasts.some(moving));
  return (
    <div class="broadcasts">
      <Compose {...props} />
      <section data-testid="broadcast-list">
        <h3>{t('console-ui-broadcasts-list')}</h3>
        {list.problem && <p class="notice error">{t('console-ui-error')}</p>}
        {!list.value && !list.problem && <p class="notice">{t('console-ui-loading')}</p>}
        {list.value && !list.value.broadcasts.length && <p class="notice">{t('console-ui-broadcasts-none')}</p>}
        <ul class="rows">
          {list.value?.broadcasts.map((b) => (
            <li key={b.id} data-testid="broadcast-row" data-id={b.id}>
              <div class="broadcast-row">
                <a
                  href={broadcastPath(b.id)}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(broadcastPath(b.id));
                  }}
                >
                  #{b.id}
                </a>{' '}
                <StateBadge t={t} b={b} /> <span class="muted small">{b.area}</span>
                <div class="excerpt">{b.text}</div>
                <ProgressBar t={t} b={b} />
                <div class="muted small">
                  {b.scheduledAt && !b.startedAt
                    ? `${t('console-ui-broadcasts-scheduled-at')} ${time(locale, b.scheduledAt)}`
                    : `${t('console-ui-broadcasts-created')} ${time(locale, b.createdAt)}`}
                </div>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

type Kind = Audience['kind'];

/** The audience the form describes, or undefined while it names nothing to send to. */
function audienceOf(kind: Kind, target: string, platform: string, language: string): Audience | undefined {
  if (!target) return undefined;
  const filters = {
    ...(platform && { platforms: [platform as Platform] }),
    ...(language && { locales: [language as 'vi' | 'en'] }),
  };
  if (kind === 'area') return { kind, areaCode: target, ...filters };
  if (kind === 'model') return { kind, modelId: Number(target), ...filters };
  return { kind, festivalId: Number(target), ...filters };
}

/** A time typed in the form, read as Vietnam time (the service's and the residents' clock). */
const vietnamInstant = (local: string) => new Date(`${local}:00+07:00`);

function Compose({ me, t, locale, navigate }: PageProps) {
  const [options, setOptions] = useState<ComposeOptions | undefined>(undefined);
  const [kind, setKind] = useState<Kind>('area');
  const [target, setTarget] = useState('');
  const [platform, setPlatform] = useState('');
  const [language, setLanguage] = useState('');
  const [vi, setVi] = useState('');
  const [en, setEn] = useState('');
  const [later, setLater] = useState(false);
  const [at, setAt] = useState('');
  const [count, setCount] = useState<RecipientCount | 'refused' | undefined>(undefined);
  const [previews, setPreviews] = useState<Preview[] | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [draftId, setDraftId] = useState<number | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    fetchComposeOptions()
      .then((o) => {
        setOptions(o);
        setTarget(o.areas[0]?.code ?? '');
      })
      .catch(() => setProblem('console-ui-error'));
  }, []);

  const audience = audienceOf(kind, target, platform, language);
  const audienceKey = JSON.stringify(audience ?? null);
  // The count follows the audience as it changes; a draft written for another audience is not reused.
  useEffect(() => {
    setCount(undefined);
    setDraftId(undefined);
    setConfirming(false);
    if (!audience) return;
    let live = true;
    countRecipients(me, audience)
      .then((c) => live && setCount(c))
      .catch(
        (e) =>
          live && (e instanceof ApiError && e.status === 404 ? setCount('refused') : setProblem('console-ui-error')),
      );
    return () => {
      live = false;
    };
  }, [audienceKey]);
  useEffect(() => {
    setPreviews(undefined);
    setDraftId(undefined);
    setConfirming(false);
  }, [audienceKey, vi, en]);

  if (!options) return problem ? <p class="notice error">{t(problem)}</p> : null;

  const texts = { vi: vi.trim(), ...(en.trim() && { en: en.trim() }) };
  /** What is wrong with the form before anything is asked of the service. */
  const formProblem = (): string | undefined => {
    const lengths = [texts.vi.length, ...(texts.en ? [texts.en.length] : [])];
    if (lengths.some((n) => n < MIN_BODY || n > MAX_BODY)) return 'console-ui-broadcasts-text-length';
    if (later) {
      const when = at ? vietnamInstant(at).getTime() : NaN;
      if (!(when > Date.now() + 60_000 && when <= Date.now() + 90 * 86_400_000))
        return 'console-ui-broadcasts-bad-time';
    }
    return undefined;
  };
  const refusal = (e: unknown) =>
    setProblem(
      e instanceof ApiError && e.status === 404
        ? 'console-ui-broadcasts-outside'
        : e instanceof ApiError && e.status === 400
          ? 'console-ui-broadcasts-invalid'
          : 'console-ui-error',
    );

  const preview = async () => {
    setProblem(undefined);
    const wrong = formProblem();
    if (wrong) return setProblem(wrong);
    try {
      setPreviews((await previewBroadcast(me, audience!, texts)).previews);
    } catch (e) {
      refusal(e);
    }
  };
  const ask = (e: Event) => {
    e.preventDefault();
    setProblem(undefined);
    const wrong = formProblem();
    if (wrong) return setProblem(wrong);
    setConfirming(true);
  };
  const send = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      // The draft is written once; a start refused for its time can be tried again on it.
      const id = draftId ?? (await draftBroadcast(me, audience!, texts)).id;
      setDraftId(id);
      await startBroadcast(me, id, later ? vietnamInstant(at).toISOString() : undefined);
      navigate(broadcastPath(id));
    } catch (e) {
      setConfirming(false);
      refusal(e);
    } finally {
      setBusy(false);
    }
  };

  const targets =
    kind === 'area'
      ? options.areas.map((a) => ({ code: a.code, name: a.name }))
      : kind === 'model'
        ? options.models.map((m) => ({ code: String(m.id), name: m.name }))
        : options.festivals.map((f) => ({ code: String(f.id), name: `${f.title} (${time(locale, f.startsAt)})` }));
  const chooseKind = (next: Kind) => {
    setKind(next);
    const first =
      next === 'area'
        ? options.areas[0]?.code
        : String((next === 'model' ? options.models : options.festivals)[0]?.id ?? '');
    setTarget(first ?? '');
  };
  const total = count && count !== 'refused' ? count.total : undefined;

  return (
    <section data-testid="compose">
      <h3>{t('console-ui-broadcasts-new')}</h3>
      <form class="compose" onSubmit={ask}>
        <div class="fields">
          <label>
            <span>{t('console-ui-broadcasts-audience')}</span>
            <select value={kind} onChange={(e) => chooseKind((e.currentTarget as HTMLSelectElement).value as Kind)}>
              <option value="area">{t('console-ui-broadcasts-kind-area')}</option>
              <option value="model" disabled={!options.models.length}>
                {t('console-ui-broadcasts-kind-model')}
              </option>
              <option value="festival" disabled={!options.festivals.length}>
                {t('console-ui-broadcasts-kind-festival')}
              </option>
            </select>
          </label>
          <label>
            <span>{t(`console-ui-broadcasts-${kind}`)}</span>
            <select value={target} onChange={(e) => setTarget((e.currentTarget as HTMLSelectElement).value)}>
              <AreaOptions areas={targets} />
            </select>
          </label>
          <label>
            <span>{t('console-ui-broadcasts-platform')}</span>
            <select value={platform} onChange={(e) => setPlatform((e.currentTarget as HTMLSelectElement).value)}>
              <option value="">{t('console-ui-broadcasts-platform-all')}</option>
              {PLATFORMS.map((p) => (
                <option key={p} value={p}>
                  {PLATFORM_NAMES[p]}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('console-ui-broadcasts-language')}</span>
            <select value={language} onChange={(e) => setLanguage((e.currentTarget as HTMLSelectElement).value)}>
              <option value="">{t('console-ui-broadcasts-language-all')}</option>
              <option value="vi">{t('console-ui-broadcasts-language-vi')}</option>
              <option value="en">{t('console-ui-broadcasts-language-en')}</option>
            </select>
          </label>
        </div>
        <p class="count" data-testid="recipient-count" aria-live="polite">
          {count === 'refused' ? (
            <span class="error">{t('console-ui-broadcasts-outside')}</span>
          ) : count ? (
            <>
              {t('console-ui-broadcasts-recipients')} <strong>{count.total}</strong>{' '}
              <span class="muted small">({PLATFORMS.map((p) => `${PLATFORM_NAMES[p]} ${count[p]}`).join(' · ')})</span>
            </>
          ) : (
            <span class="muted">{t('console-ui-broadcasts-counting')}</span>
          )}
        </p>
        <TextArea label={t('console-ui-broadcasts-text-vi')} value={vi} onText={setVi} rows={4} maxLength={MAX_BODY} />
        <TextArea label={t('console-ui-broadcasts-text-en')} value={en} onText={setEn} rows={3} maxLength={MAX_BODY} />
        <fieldset class="when">
          <legend>{t('console-ui-broadcasts-when')}</legend>
          <label class="choice">
            <input type="radio" name="when" checked={!later} onChange={() => setLater(false)} />
            {t('console-ui-broadcasts-now')}
          </label>
          <label class="choice">
            <input type="radio" name="when" checked={later} onChange={() => setLater(true)} />
            {t('console-ui-broadcasts-later')}
          </label>
          {later && (
            <label>
              <span>{t('console-ui-broadcasts-time')}</span>
              <input
                type="datetime-local"
                value={at}
                onInput={(e) => setAt((e.currentTarget as HTMLInputElement).value)}
              />
            </label>
          )}
        </fieldset>
        {problem && (
          <p class="notice error" role="alert">
            {t(problem)}
          </p>
        )}
        <div class="actions">
          <button type="button" onClick={preview} disabled={!audience || count === 'refused'}>
            {t('console-ui-broadcasts-preview')}
          </button>
          <button type="submit" class="primary" disabled={!audience || total === undefined || confirming}>
            {t(later ? 'console-ui-broadcasts-schedule' : 'console-ui-broadcasts-send')}
          </button>
        </div>
        {confirming && total !== undefined && (
          <div class="confirm" role="group" data-testid="confirm-send">
            <p>
              {t(later ? 'console-ui-broadcasts-confirm-later' : 'console-ui-broadcasts-confirm-now')}{' '}
              <strong>{total}</strong>
              {later && ` · ${time(locale, vietnamInstant(at).toISOString())}`}
            </p>
            <div class="actions">
              <button type="button" class="primary" disabled={busy} onClick={send}>
                {t('console-ui-broadcasts-confirm')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('console-ui-cancel')}
              </button>
            </div>
          </div>
        )}
      </form>
      {previews && (
        <section class="previews" data-testid="previews">
          <h4>{t('console-ui-broadcasts-preview-title')}</h4>
          {previews.map((p) => (
            <article key={`${p.platform}-${p.locale}`} class="preview" data-testid="preview">
              <header class="muted small">
                {PLATFORM_NAMES[p.platform]} · {t(`console-ui-broadcasts-language-${p.locale}`)}
              </header>
              {p.messages.map((m, i) => (
                <pre key={i} class="bubble">
                  {m}
                </pre>
              ))}
            </article>
          ))}
        </section>
      )}
    </section>
  );
}

type Verb = 'pause' | 'resume' | 'cancel';

/** What the state allows, as chat's buttons offer it. */
const verbsOf = (b: BroadcastSummary): Verb[] => [
  ...(b.status === 'sending' || b.status === 'scheduled' ? (['pause'] as const) : []),
  ...(b.status === 'paused' ? (['resume'] as const) : []),
  ...(['scheduled', 'sending', 'paused'].includes(b.status) ? (['cancel'] as const) : []),
];

/** One broadcast: its progress, its steering (cancelling asks first) and its report as a chart and a table. */
export function BroadcastView({ me, t, locale, navigate, id }: PageProps & { id: number }) {
  const shown = usePolled(() => fetchBroadcast(id), moving, id);
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const back = (
    <a
      href={sectionPath('broadcasts')}
      onClick={(e) => {
        e.preventDefault();
        navigate(sectionPath('broadcasts'));
      }}
    >
      {t('console-ui-broadcasts-back')}
    </a>
  );
  if (shown.problem)
    return (
      <>
        {back}
        <p class="notice error">
          {t(
            shown.problem instanceof ApiError && shown.problem.status === 404
              ? 'console-ui-broadcasts-not-found'
              : 'console-ui-error',
          )}
        </p>
      </>
    );
  const b = shown.value;
  if (!b) return <p class="notice">{t('console-ui-loading')}</p>;

  const steer = async (verb: Verb) => {
    setProblem(undefined);
    setAsking(false);
    try {
      await steerBroadcast(me, id, verb);
    } catch (e) {
      setProblem(e instanceof ApiError && e.status === 409 ? 'console-ui-broadcasts-not-now' : 'console-ui-error');
    }
    shown.reload();
  };
  const total = OUTCOMES.reduce((n, o) => n + b.counts[o], 0);

  return (
    <article class="broadcast" data-testid="broadcast">
      {back}
      <h3>
        #{b.id} <StateBadge t={t} b={b} />
      </h3>
      <p class="muted small">{b.area}</p>
      <pre class="bubble">{b.texts.vi}</pre>
      {b.texts.en && <pre class="bubble">{b.texts.en}</pre>}
      <dl class="times small">
        <dt>{t('console-ui-broadcasts-created')}</dt>
        <dd>{time(locale, b.createdAt)}</dd>
        {b.scheduledAt && (
          <>
            <dt>{t('console-ui-broadcasts-scheduled-at')}</dt>
            <dd>{time(locale, b.scheduledAt)}</dd>
          </>
        )}
        {b.startedAt && (
          <>
            <dt>{t('console-ui-broadcasts-started')}</dt>
            <dd>{time(locale, b.startedAt)}</dd>
          </>
        )}
        {b.finishedAt && (
          <>
            <dt>{t('console-ui-broadcasts-finished')}</dt>
            <dd>{time(locale, b.finishedAt)}</dd>
          </>
        )}
      </dl>
      <ProgressBar t={t} b={b} />
      {b.holds.map((h) => (
        <p key={h.platform} class="notice" data-testid="hold">
          {PLATFORM_NAMES[h.platform]}: {h.queued} {t('console-ui-broadcasts-held')} {time(locale, h.until)}
        </p>
      ))}
      {problem && (
        <p class="notice error" role="alert">
          {t(problem)}
        </p>
      )}
      <div class="actions">
        {verbsOf(b).map((verb) =>
          verb === 'cancel' ? (
            !asking && (
              <button key={verb} type="button" class="danger" onClick={() => setAsking(true)}>
                {t('console-ui-broadcasts-cancel')}
              </button>
            )
          ) : (
            <button key={verb} type="button" onClick={() => steer(verb)}>
              {t(`console-ui-broadcasts-${verb}`)}
            </button>
          ),
        )}
      </div>
      {asking && verbsOf(b).includes('cancel') && (
        <div class="confirm" role="group" data-testid="confirm-cancel">
          <p>{t('console-ui-broadcasts-cancel-confirm')}</p>
          <div class="actions">
            <button type="button" class="danger" onClick={() => steer('cancel')}>
              {t('console-ui-broadcasts-cancel-yes')}
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              {t('console-ui-broadcasts-cancel-keep')}
            </button>
          </div>
        </div>
      )}
      <section class="report" data-testid="report">
        <h4>{t('console-ui-broadcasts-report')}</h4>
        <OutcomeChart
          title={t('console-ui-broadcasts-report')}
          labels={OUTCOMES.map((o) => t(`console-ui-broadcasts-outcome-${o}`))}
          values={OUTCOMES.map((o) => b.counts[o])}
        />
        <table data-testid="outcomes">
          <thead>
            <tr>
              <th>{t('console-ui-broadcasts-outcome')}</th>
              <th>{t('console-ui-broadcasts-people')}</th>
            </tr>
          </thead>
          <tbody>
            {OUTCOMES.map((o) => (
              <tr key={o} data-outcome={o}>
                <td>{t(`console-ui-broadcasts-outcome-${o}`)}</td>
                <td>{b.counts[o]}</td>
              </tr>
            ))}
            <tr data-outcome="total">
              <th>{t('console-ui-broadcasts-total')}</th>
              <th>{total}</th>
            </tr>
          </tbody>
        </table>
      </section>
    </article>
  );
}
