import { useEffect, useRef, useState } from 'preact/hooks';
import { TextArea } from './text-area.tsx';
import { ApiError } from './http.ts';
import {
  CATEGORIES,
  fetchInboxAreas,
  fetchTipPoints,
  fetchTip,
  fetchTips,
  moveTip,
  photoPath,
  replyToTip,
  TIP_STATUSES,
  tipsUrl,
  type EventActor,
  type Locale,
  type Me,
  type TipDetail,
  type TipMove,
  type TipPage,
  type TipSummary,
} from './api.ts';
import { time } from './format.ts';
import { useLatestAnswer } from './latest.ts';
import { tipPath } from './sections.ts';
import { TipDesk } from './tip-desk.tsx';
import { TipsMap, type MapPoint } from './tips-map.tsx';

type T = (id: string) => string;

/** How long a tip has waited: minutes, then hours, then days. */
function age(t: T, iso: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  if (minutes < 60) return `${minutes} ${t('console-ui-age-minutes')}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} ${t('console-ui-age-hours')}`;
  return `${Math.floor(hours / 24)} ${t('console-ui-age-days')}`;
}

/** Where "back to the inbox" goes: the inbox as it was last filtered. */
let inboxAddress = '/console/tips';

const FILTERS = ['status', 'category', 'urgency', 'area', 'from', 'to', 'code', 'sort'] as const;

/** The inbox's filters live in the address (back from a tip, they are as they were; a link shares them). */
function readParams(): URLSearchParams {
  const all = new URLSearchParams(location.search);
  const kept = new URLSearchParams();
  for (const name of [...FILTERS, 'page'] as const) {
    const value = all.get(name);
    if (value) kept.set(name, value);
  }
  return kept;
}

export function TipsInbox(props: { t: T; me: Me; locale: Locale; navigate: (path: string) => void }) {
  const { t, me, locale, navigate } = props;
  const [params, setParams] = useState(readParams);
  const [found, setFound] = useState<TipPage | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [areas, setAreas] = useState<Array<{ code: string; name: string }>>([]);
  const [arrived, setArrived] = useState(0);
  const [points, setPoints] = useState<MapPoint[] | undefined>(undefined);
  const [showMap, setShowMap] = useState(false);

  useEffect(() => void fetchInboxAreas().then(setAreas, () => setFailed(true)), []);
  // New tips of the officer's areas as they are filed: the list is asked for again.
  useEffect(() => {
    const live = new EventSource('/console/api/tips/live');
    live.addEventListener('tip', () => setArrived((n) => n + 1));
    return () => live.close();
  }, []);
  useLatestAnswer(
    () => {
      inboxAddress = tipsUrl('/console/tips', params);
      history.replaceState(null, '', inboxAddress);
      setFailed(false);
      return fetchTips(params);
    },
    setFound,
    () => setFailed(true),
    [params.toString(), arrived],
  );
  useLatestAnswer(
    () => (showMap ? fetchTipPoints(exportParams) : undefined),
    (found) => setPoints(found.map((p) => ({ ...p, label: `${t(`cat-${p.category}`)} · ${t(`status-${p.status}`)}` }))),
    () => setFailed(true),
    [showMap, params.toString(), arrived],
  );

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page') next.delete('page');
    setParams(next);
  };
  const field = (name: (typeof FILTERS)[number]) => ({
    value: params.get(name) ?? '',
    onChange: (e: Event) => set(name, (e.currentTarget as HTMLInputElement | HTMLSelectElement).value.trim()),
    'data-testid': `filter-${name}`,
  });
  const exportParams = new URLSearchParams(params);
  exportParams.delete('page');
  exportParams.set('locale', locale);
  const now = Date.now();

  return (
    <section class="tips">
      <form class="filters" aria-label={t('console-ui-filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>{t('console-ui-filter-status')}</span>
          <select {...field('status')}>
            <option value="">{t('console-ui-status-open')}</option>
            <option value="closed">{t('console-ui-status-closed')}</option>
            <option value="all">{t('console-ui-any')}</option>
            {TIP_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status-${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('console-ui-filter-category')}</span>
          <select {...field('category')}>
            <option value="">{t('console-ui-any')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`cat-${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('console-ui-filter-urgency')}</span>
          <select {...field('urgency')}>
            <option value="">{t('console-ui-any')}</option>
            <option value="urgent">{t('console-ui-urgent')}</option>
            <option value="normal">{t('console-ui-normal')}</option>
          </select>
        </label>
        {areas.length > 1 && (
          <label>
            <span>{t('console-ui-filter-area')}</span>
            <select {...field('area')}>
              <option value="">{t('console-ui-any')}</option>
              {areas.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <span>{t('console-ui-filter-from')}</span>
          <input type="date" {...field('from')} />
        </label>
        <label>
          <span>{t('console-ui-filter-to')}</span>
          <input type="date" {...field('to')} />
        </label>
        <label>
          <span>{t('console-ui-filter-code')}</span>
          <input type="search" maxLength={12} placeholder="AN-" {...field('code')} />
        </label>
        <label>
          <span>{t('console-ui-filter-sort')}</span>
          <select {...field('sort')}>
            <option value="">{t('console-ui-sort-urgent')}</option>
            <option value="newest">{t('console-ui-sort-newest')}</option>
            <option value="oldest">{t('console-ui-sort-oldest')}</option>
          </select>
        </label>
        <button type="button" aria-pressed={showMap} onClick={() => setShowMap(!showMap)} data-testid="map-toggle">
          {t('console-ui-map')}
        </button>
        {/* A plain link: the browser downloads what the filters show, with the session's cookie. */}
        <a class="button" href={tipsUrl('/console/api/tips.csv', exportParams)} download data-testid="export">
          {t('console-ui-export')}
        </a>
      </form>
      {failed && <p class="notice error">{t('console-ui-error')}</p>}
      {showMap && points && (
        <>
          <p class="muted" data-testid="map-count">
            {t('console-ui-map-located')} {points.length}
          </p>
          <TipsMap points={points} tiles={me.tiles} onOpen={(code) => navigate(tipPath(code))} />
        </>
      )}
      {found && (
        <>
          <p class="count" data-testid="tip-count">
            {t('console-ui-total')} {found.total}
          </p>
          {arrived > 0 && (
            <p class="notice" role="status" data-testid="tips-arrived">
              {t('console-ui-tips-arrived')}
            </p>
          )}
          {found.tips.length ? (
            <ul class="tip-list" data-testid="tip-list">
              {found.tips.map((tip) => (
                <TipRow key={tip.code} tip={tip} t={t} locale={locale} now={now} navigate={navigate} />
              ))}
            </ul>
          ) : (
            <p class="notice">{t('console-ui-no-tips')}</p>
          )}
          {found.pages > 1 && (
            <nav class="pager">
              <button type="button" disabled={found.page <= 1} onClick={() => set('page', String(found.page - 1))}>
                {t('console-ui-prev')}
              </button>
              <span>
                {t('console-ui-page')} {found.page}/{found.pages}
              </span>
              <button
                type="button"
                disabled={found.page >= found.pages}
                onClick={() => set('page', String(found.page + 1))}
              >
                {t('console-ui-next')}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}

function TipRow(props: { tip: TipSummary; t: T; locale: Locale; now: number; navigate: (path: string) => void }) {
  const { tip, t, locale, now, navigate } = props;
  return (
    <li class={tip.urgent ? 'tip urgent' : 'tip'} data-testid="tip-row" data-code={tip.code}>
      <a
        href={tipPath(tip.code)}
        onClick={(e) => {
          e.preventDefault();
          navigate(tipPath(tip.code));
        }}
      >
        <strong>{tip.code}</strong>
      </a>
      <span>{t(`cat-${tip.category}`)}</span>
      <span class="status">{t(`status-${tip.status}`)}</span>
      {tip.urgent && <span class="badge urgent">{t('console-ui-urgent')}</span>}
      <span
        class={tip.overdue ? 'badge age overdue' : 'badge age'}
        title={tip.overdue ? t('console-ui-overdue') : t('console-ui-col-age')}
        data-testid="age"
        data-overdue={tip.overdue ? 'yes' : 'no'}
      >
        {age(t, tip.createdAt, now)}
      </span>
      <span class="muted">
        {tip.area.name} · {time(locale, tip.createdAt)}
      </span>
    </li>
  );
}

const byLabel = (t: T, by: EventActor) =>
  by.kind === 'officer' ? (by.label ?? t('console-ui-by-officer')) : t(`console-ui-by-${by.kind}`);

export function TipView(props: { t: T; me: Me; locale: Locale; code: string; navigate: (path: string) => void }) {
  const { t, me, locale, code, navigate } = props;
  const [tip, setTip] = useState<TipDetail | null | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [reply, setReply] = useState('');
  const [busy, setBusy] = useState(false);
  const [moving, setMoving] = useState<TipMove | undefined>(undefined);

  const load = () =>
    fetchTip(code)
      .then(setTip)
      .catch((err) => (err instanceof ApiError && err.status === 404 ? setTip(null) : setFailed(true)));
  useEffect(() => void load(), [code]);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setNotice(await work());
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setTip(null);
      else if (err instanceof ApiError && err.status === 409) setNotice(t('console-ui-not-now'));
      else if (err instanceof ApiError && err.reason === 'empty') setNotice(t('console-ui-reply-empty'));
      else if (err instanceof ApiError && err.reason === 'too-long') setNotice(t('console-ui-reply-too-long'));
      else setFailed(true);
    } finally {
      setBusy(false);
      await load();
    }
  };

  const sendReply = (e: Event) => {
    e.preventDefault();
    return act(async () => {
      const done = await replyToTip(me, code, reply);
      setReply('');
      if (!done.reporterTold) return t('console-ui-reply-stored');
      return done.awaitingReporter ? t('console-ui-reporter-waits') : t('console-ui-reply-sent');
    });
  };

  const back = (
    <a
      href={inboxAddress}
      class="back"
      onClick={(e) => {
        e.preventDefault();
        navigate(inboxAddress);
      }}
    >
      {t('console-ui-back')}
    </a>
  );
  if (failed) return <p class="notice error">{t('console-ui-error')}</p>;
  if (tip === undefined) return <p class="notice">{t('console-ui-loading')}</p>;
  if (tip === null)
    return (
      <section>
        {back}
        <p class="notice error" data-testid="tip-not-found">
          {t('console-ui-tip-not-found')}
        </p>
      </section>
    );

  return (
    <article class="tip-page" data-testid="tip">
      {back}
      <h3>
        {tip.code} · {t(`cat-${tip.category}`)}
      </h3>
      <p>
        <span class="status" data-testid="tip-status">
          {t(`status-${tip.status}`)}
        </span>
        {tip.urgent && <span class="badge urgent">{t('console-ui-urgent')}</span>}
        <span class="muted">
          {' '}
          {tip.area.name} · {time(locale, tip.createdAt)}
        </span>
      </p>
      {notice && (
        <p class="notice" role="status" data-testid="tip-notice">
          {notice}
        </p>
      )}
      <h4>{t('console-ui-content')}</h4>
      <p class="content" data-testid="tip-content">
        {tip.description}
      </p>
      {tip.place && (
        <p>
          <strong>{t('console-ui-place')}:</strong> {tip.place}
        </p>
      )}
      {tip.location && (
        <>
          <p>
            <strong>{t('console-ui-location')}:</strong> {tip.location.latitude}, {tip.location.longitude}
          </p>
          <TipsMap
            points={[{ code: tip.code, label: t(`cat-${tip.category}`), urgent: tip.urgent, location: tip.location }]}
            tiles={me.tiles}
          />
        </>
      )}
      {tip.contact && (
        <p>
          <strong>{t('console-ui-contact')}:</strong> {tip.contact}
        </p>
      )}
      {tip.photoCount > 0 && <Photos t={t} code={tip.code} source="tip" count={tip.photoCount} />}

      <div class="moves" data-testid="moves">
        {tip.moves.map((m) => (
          <button key={m} type="button" disabled={busy} onClick={() => setMoving(m)}>
            {t(`console-ui-move-${m}`)}
          </button>
        ))}
      </div>
      {moving && (
        <MoveDialog
          t={t}
          move={moving}
          onCancel={() => setMoving(undefined)}
          onConfirm={(note) => {
            setMoving(undefined);
            return act(async () => {
              const done = await moveTip(me, code, moving, note);
              return done.awaitingReporter
                ? `${t('console-ui-moved')} ${t('console-ui-reporter-waits')}`
                : t('console-ui-moved');
            });
          }}
        />
      )}

      <h4>{t('console-ui-thread')}</h4>
      {tip.thread.length ? (
        <ol class="thread" data-testid="thread">
          {tip.thread.map((m, i) => (
            <li key={i} class={m.from}>
              <strong>{t(`console-ui-from-${m.from}`)}:</strong> {m.text}
              {m.photos > 0 && <Photos t={t} code={tip.code} source={m.id} count={m.photos} />}
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">{t('console-ui-thread-empty')}</p>
      )}
      <form class="reply" onSubmit={sendReply}>
        <TextArea label={t('console-ui-reply')} value={reply} onText={setReply} rows={3} testId="reply-text" />
        <button type="submit" disabled={busy || !reply.trim()}>
          {t('console-ui-reply-send')}
        </button>
      </form>
      <TipDesk t={t} me={me} locale={locale} code={tip.code} reply={reply} setReply={setReply} onChanged={load} />

      <h4>{t('console-ui-history')}</h4>
      <ol class="history" data-testid="history">
        {tip.history.map((e, i) => (
          <li key={i}>
            {t(`status-${e.status}`)} · {byLabel(t, e.by)} · {time(locale, e.at)}
          </li>
        ))}
      </ol>
    </article>
  );
}

/** A tip's or a message's photos, each through the console (never the messenger's own address). */
function Photos({ t, code, source, count }: { t: T; code: string; source: string; count: number }) {
  return (
    <ul class="photos" aria-label={t('console-ui-photos')} data-testid="photos">
      {Array.from({ length: count }, (_, i) => (
        <li key={i}>
          <a href={photoPath(code, source, i)} target="_blank" rel="noopener">
            <img src={photoPath(code, source, i)} alt={`${t('console-ui-photo')} ${i + 1}`} loading="lazy" />
          </a>
        </li>
      ))}
    </ul>
  );
}

/** "Change to …?" with an optional note to the reporter (reopening takes none). */
function MoveDialog(props: { t: T; move: TipMove; onCancel: () => void; onConfirm: (note: string) => void }) {
  const { t, move, onCancel, onConfirm } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const [note, setNote] = useState('');
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} onCancel={onCancel} data-testid="confirm" aria-labelledby="confirm-title">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(note);
        }}
      >
        <h4 id="confirm-title">{t('console-ui-confirm-title')}</h4>
        <p>
          {t('console-ui-confirm-to')} <strong>{t(`console-ui-move-${move}`)}</strong>
        </p>
        {move !== 'reopened' && (
          <TextArea label={t('console-ui-note')} value={note} onText={setNote} rows={3} testId="note" />
        )}
        <div class="actions">
          <button type="button" onClick={onCancel}>
            {t('console-ui-cancel')}
          </button>
          <button type="submit" class="primary">
            {t('console-ui-confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
