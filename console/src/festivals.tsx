import type { ComponentChildren } from 'preact';
import { TextArea } from './text-area.tsx';
import { useEffect, useRef, useState } from 'preact/hooks';
import { AreaOptions } from './area-options.tsx';
import type { Locale, Me } from './api.ts';
import {
  applyChange,
  commendAt,
  createFestival,
  fetchFestival,
  fetchFestivals,
  festivalIdOf,
  festivalPath,
  previewChange,
  previewFestival,
  vietnamFields,
  type Change,
  type FestivalDetail,
  type FestivalForm,
  type FestivalList,
  type FestivalSummary,
  type Preview,
  type Span,
} from './festivals-api.ts';
import { ApiError } from './http.ts';
import { when } from './staff-api.ts';
import './festivals.css';

type T = (id: string) => string;
type Navigate = (path: string) => void;

/** Refusals the use cases give, each with its own sentence on the page; anything else is an error. */
const REFUSALS = ['fest-invalid', 'fest-bad-time', 'fest-not-now', 'fest-bad-names', 'fest-area-unknown'];

/** What to tell the officer when a request was refused: the use case's reason, or a failure. */
function problemOf(t: T, err: unknown): string {
  if (err instanceof ApiError && err.reason && REFUSALS.includes(err.reason))
    return t(`console-ui-festivals-refused-${err.reason}`);
  // The request's own check (a field missing or unreadable): the same words as the use case's.
  if (err instanceof ApiError && err.status === 400) return t('console-ui-festivals-refused-fest-invalid');
  return t('console-ui-error');
}

/** "7 ngày", "2 giờ": a reminder's lead time in the largest whole unit. */
function leadTime(t: T, seconds: number): string {
  const units: Array<[number, string]> = [
    [86_400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  const [size, unit] = units.find(([size]) => seconds % size === 0)!;
  const n = seconds / size;
  return `${n} ${t(`console-ui-festivals-unit-${unit}-${n === 1 ? 'one' : 'many'}`)}`;
}

/** The festivals section: the list with the create form, or one festival's page. */
export function FestivalsPage(props: { t: T; me: Me; locale: Locale; path: string; navigate: Navigate }) {
  const id = festivalIdOf(props.path);
  return id ? <FestivalView {...props} id={id} /> : <FestivalsList {...props} />;
}

const link = (navigate: Navigate, path: string) => ({
  href: path,
  onClick: (e: Event) => {
    e.preventDefault();
    navigate(path);
  },
});

/** Upcoming, cancelled or already held: what the list and the page call a festival now. */
const stateOf = (f: FestivalSummary) =>
  f.status === 'cancelled' ? 'cancelled' : Date.parse(f.endsAt) <= Date.now() ? 'held' : 'scheduled';

function FestivalsList({ t, me, locale, navigate }: { t: T; me: Me; locale: Locale; navigate: Navigate }) {
  const [list, setList] = useState<FestivalList | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    fetchFestivals()
      .then(setList)
      .catch(() => setFailed(true));
  }, []);
  if (failed) return <p class="notice error">{t('console-ui-error')}</p>;
  if (!list) return <p class="notice">{t('console-ui-loading')}</p>;
  return (
    <section class="festivals">
      {list.areas.length > 0 &&
        (creating ? (
          <CreateForm t={t} me={me} list={list} onCancel={() => setCreating(false)} navigate={navigate} />
        ) : (
          <button type="button" class="primary" onClick={() => setCreating(true)} data-testid="festival-new">
            {t('console-ui-festivals-new')}
          </button>
        ))}
      {list.festivals.length ? (
        <ul class="festival-list" data-testid="festival-list">
          {list.festivals.map((f) => (
            <li key={f.id} class="festival-row" data-testid="festival-row" data-id={f.id}>
              <a {...link(navigate, festivalPath(f.id))}>
                <strong>{f.title}</strong>
              </a>
              <StateBadge t={t} f={f} />
              <span class="muted">
                {f.area.name} · {when(f.startsAt, locale)} · {f.venue}
              </span>
              <span class="muted" data-testid="festival-going">
                {t('console-ui-festivals-going')} {f.going} · {t('console-ui-festivals-not-going')} {f.notGoing}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="notice">{t('console-ui-festivals-none')}</p>
      )}
    </section>
  );
}

function StateBadge({ t, f }: { t: T; f: FestivalSummary }) {
  const state = stateOf(f);
  return (
    <span class={`badge festival-${state}`} data-testid="festival-state">
      {t(`console-ui-festivals-state-${state}`)}
    </span>
  );
}

/** A start and an end as date and time fields, Vietnam time; the end's day is the start's unless given. */
function SpanFields({ t, span, onChange }: { t: T; span: SpanInput; onChange: (next: SpanInput) => void }) {
  const field = (name: keyof SpanInput, type: 'date' | 'time', label: string, required = true) => (
    <label>
      <span>{t(label)}</span>
      <input
        type={type}
        value={span[name]}
        required={required}
        data-testid={`festival-${name}`}
        onInput={(e) => onChange({ ...span, [name]: (e.currentTarget as HTMLInputElement).value })}
      />
    </label>
  );
  return (
    <fieldset class="span">
      <legend>{t('console-ui-festivals-time')}</legend>
      {field('day', 'date', 'console-ui-festivals-day')}
      {field('start', 'time', 'console-ui-festivals-start')}
      {field('end', 'time', 'console-ui-festivals-end')}
      {field('endDay', 'date', 'console-ui-festivals-end-day', false)}
    </fieldset>
  );
}

interface SpanInput {
  day: string;
  start: string;
  end: string;
  /** Empty: the same day as the start. */
  endDay: string;
}

const spanOf = (s: SpanInput): Span => ({ startsAt: `${s.day}T${s.start}`, endsAt: `${s.endDay || s.day}T${s.end}` });

function CreateForm(props: { t: T; me: Me; list: FestivalList; onCancel: () => void; navigate: Navigate }) {
  const { t, me, list, onCancel, navigate } = props;
  const [fields, setFields] = useState({
    title: '',
    areaCode: list.areas[0]!.code,
    venue: '',
    programme: '',
    remindTo: 'rsvp' as FestivalForm['remindTo'],
  });
  const [span, setSpan] = useState<SpanInput>({ day: '', start: '', end: '', endDay: '' });
  const [preview, setPreview] = useState<Preview | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const form = (): FestivalForm => ({ ...fields, ...spanOf(span) });
  const text = (name: 'title' | 'venue' | 'programme') => ({
    value: fields[name],
    'data-testid': `festival-${name}`,
    onInput: (e: Event) => setFields({ ...fields, [name]: (e.currentTarget as HTMLInputElement).value }),
  });

  const ask = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await work();
    } catch (err) {
      setPreview(undefined);
      setProblem(problemOf(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="festival-form"
      aria-label={t('console-ui-festivals-new')}
      onSubmit={(e) => {
        e.preventDefault();
        return ask(async () => setPreview(await previewFestival(me, form())));
      }}
    >
      <h3>{t('console-ui-festivals-new')}</h3>
      <label>
        <span>{t('console-ui-festivals-title')}</span>
        <input required maxLength={150} {...text('title')} />
      </label>
      <label>
        <span>{t('console-ui-festivals-area')}</span>
        <select
          value={fields.areaCode}
          data-testid="festival-area"
          onChange={(e) => setFields({ ...fields, areaCode: (e.currentTarget as HTMLSelectElement).value })}
        >
          <AreaOptions areas={list.areas} />
        </select>
      </label>
      <label>
        <span>{t('console-ui-festivals-venue')}</span>
        <input required maxLength={200} {...text('venue')} />
      </label>
      <SpanFields t={t} span={span} onChange={setSpan} />
      <label>
        <span>{t('console-ui-festivals-programme')}</span>
        <textarea rows={3} maxLength={1500} {...text('programme')} />
      </label>
      <label>
        <span>{t('console-ui-festivals-remind-to')}</span>
        <select
          value={fields.remindTo}
          data-testid="festival-remind-to"
          onChange={(e) =>
            setFields({ ...fields, remindTo: (e.currentTarget as HTMLSelectElement).value as FestivalForm['remindTo'] })
          }
        >
          <option value="rsvp">{t('console-ui-festivals-remind-rsvp')}</option>
          <option value="area">{t('console-ui-festivals-remind-area')}</option>
        </select>
      </label>
      {list.leadTimes.length > 0 && (
        <p class="muted">
          {t('console-ui-festivals-lead-times')} {list.leadTimes.map((s) => leadTime(t, s)).join(', ')}
        </p>
      )}
      {problem && (
        <p class="notice error" role="alert" data-testid="festival-problem">
          {problem}
        </p>
      )}
      <div class="actions">
        <button type="button" onClick={onCancel}>
          {t('console-ui-cancel')}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {t('console-ui-festivals-preview')}
        </button>
      </div>
      {preview && (
        <ConfirmDialog
          t={t}
          title={t('console-ui-festivals-preview-title')}
          confirm={t('console-ui-festivals-announce')}
          onCancel={() => setPreview(undefined)}
          onConfirm={() =>
            ask(async () => {
              const made = await createFestival(me, form());
              navigate(festivalPath(made.id));
            })
          }
        >
          <PreviewText t={t} preview={preview} />
        </ConfirmDialog>
      )}
    </form>
  );
}

/** The message as residents will read it, and how many accounts it goes to. */
function PreviewText({ t, preview }: { t: T; preview: Preview }) {
  return (
    <>
      <p data-testid="preview-recipients">
        {t('console-ui-festivals-preview-to')} {preview.recipients} {t('console-ui-festivals-accounts')} ·{' '}
        {preview.area}
      </p>
      <pre class="preview" data-testid="preview-text">
        {preview.text}
      </pre>
    </>
  );
}

/** A modal question: what will happen (the preview), and confirm or go back. */
function ConfirmDialog(props: {
  t: T;
  title: string;
  confirm: string;
  onCancel: () => void;
  onConfirm: () => void;
  children: ComponentChildren;
}) {
  const { t, title, confirm, onCancel, onConfirm, children } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} onCancel={onCancel} data-testid="confirm" aria-labelledby="festival-confirm-title">
      <h4 id="festival-confirm-title">{title}</h4>
      {children}
      <div class="actions">
        <button type="button" onClick={onCancel}>
          {t('console-ui-festivals-back-edit')}
        </button>
        <button type="button" class="primary" onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </dialog>
  );
}

/** A change waiting for its confirmation: a move or a cancel with its preview, or commendations. */
type Pending = { change: Change; preview: Preview } | { names: string };

function FestivalView(props: { t: T; me: Me; locale: Locale; id: number; navigate: Navigate }) {
  const { t, me, locale, id, navigate } = props;
  const [f, setF] = useState<FestivalDetail | null | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [moving, setMoving] = useState<SpanInput | undefined>(undefined);
  const [names, setNames] = useState('');
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const load = () =>
    fetchFestival(id)
      .then(setF)
      .catch((err) => (err instanceof ApiError && err.status === 404 ? setF(null) : setFailed(true)));
  useEffect(() => void load(), [id]);

  const act = async (work: () => Promise<string | undefined>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const done = await work();
      if (done) setNotice(done);
    } catch (err) {
      setPending(undefined);
      if (err instanceof ApiError && err.status === 404) setF(null);
      else setProblem(problemOf(t, err));
    } finally {
      setBusy(false);
      await load();
    }
  };
  const askChange = (change: Change) =>
    act(async () => {
      setPending({ change, preview: await previewChange(me, id, change) });
      return undefined;
    });
  const confirm = () =>
    act(async () => {
      const asked = pending;
      setPending(undefined);
      if (!asked) return undefined;
      if ('names' in asked) {
        const done = await commendAt(me, id, asked.names);
        setNames('');
        return `${t('console-ui-festivals-commended')} ${done.count}`;
      }
      const done = await applyChange(me, id, asked.change);
      setMoving(undefined);
      return `${t(`console-ui-festivals-${asked.change.kind}-done`)} ${done.recipients} ${t('console-ui-festivals-accounts')}`;
    });

  const back = (
    <a class="back" {...link(navigate, '/console/festivals')}>
      {t('console-ui-festivals-back')}
    </a>
  );
  if (failed) return <p class="notice error">{t('console-ui-error')}</p>;
  if (f === undefined) return <p class="notice">{t('console-ui-loading')}</p>;
  if (f === null)
    return (
      <section>
        {back}
        <p class="notice error" data-testid="festival-not-found">
          {t('console-ui-festivals-not-found')}
        </p>
      </section>
    );
  // What chat offers too: a festival not cancelled may still be moved, commended or cancelled, even once held.
  const open = f.status === 'scheduled';

  return (
    <article class="festival-page" data-testid="festival">
      {back}
      <h3 data-testid="festival-heading">{f.title}</h3>
      <p>
        <StateBadge t={t} f={f} />
      </p>
      <dl class="festival-facts">
        <dt>{t('console-ui-festivals-area')}</dt>
        <dd>{f.areaLabel}</dd>
        <dt>{t('console-ui-festivals-time')}</dt>
        <dd data-testid="festival-when">
          {when(f.startsAt, locale)} – {when(f.endsAt, locale)}
        </dd>
        <dt>{t('console-ui-festivals-venue')}</dt>
        <dd>{f.venue}</dd>
        {f.programme && (
          <>
            <dt>{t('console-ui-festivals-programme')}</dt>
            <dd class="programme">{f.programme}</dd>
          </>
        )}
        <dt>{t('console-ui-festivals-remind-to')}</dt>
        <dd>{t(`console-ui-festivals-remind-${f.remindTo}`)}</dd>
      </dl>
      {notice && (
        <p class="notice" role="status" data-testid="festival-notice">
          {notice}
        </p>
      )}
      {problem && (
        <p class="notice error" role="alert" data-testid="festival-problem">
          {problem}
        </p>
      )}

      <h4>{t('console-ui-festivals-answers')}</h4>
      <p class="answers" data-testid="festival-answers">
        <span data-testid="answers-going">
          {t('console-ui-festivals-going')} <strong>{f.going}</strong>
        </span>
        <span data-testid="answers-not-going">
          {t('console-ui-festivals-not-going')} <strong>{f.notGoing}</strong>
        </span>
      </p>

      <h4>{t('console-ui-festivals-reminders')}</h4>
      {f.reminders.length ? (
        <ol class="timeline" data-testid="reminders">
          {f.reminders.map((r) => (
            <li key={r.offsetSeconds} data-testid="reminder" data-status={r.status}>
              <span>
                <strong>{leadTime(t, r.offsetSeconds)}</strong> {t('console-ui-festivals-before-start')} ·{' '}
                <span data-testid="reminder-due">{when(r.dueAt, locale)}</span>
              </span>
              <span class={`badge reminder-${r.status}`} data-testid="reminder-state">
                {t(`console-ui-festivals-reminder-${r.status}`)}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">{t('console-ui-festivals-no-reminders')}</p>
      )}

      {open && (
        <div class="actions" data-testid="festival-actions">
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              const start = vietnamFields(f.startsAt);
              const end = vietnamFields(f.endsAt);
              setMoving({ day: start.day, start: start.time, end: end.time, endDay: end.day });
            }}
          >
            {t('console-ui-festivals-move')}
          </button>
          <button type="button" disabled={busy} onClick={() => askChange({ kind: 'cancel' })}>
            {t('console-ui-festivals-cancel')}
          </button>
        </div>
      )}
      {open && moving && (
        <form
          class="festival-form"
          aria-label={t('console-ui-festivals-move')}
          onSubmit={(e) => {
            e.preventDefault();
            return askChange({ kind: 'move', span: spanOf(moving) });
          }}
        >
          <SpanFields t={t} span={moving} onChange={setMoving} />
          <div class="actions">
            <button type="button" onClick={() => setMoving(undefined)}>
              {t('console-ui-cancel')}
            </button>
            <button type="submit" class="primary" disabled={busy}>
              {t('console-ui-festivals-preview')}
            </button>
          </div>
        </form>
      )}

      <h4>{t('console-ui-festivals-commendations')}</h4>
      {f.commendations.length ? (
        <ul class="commendations" data-testid="commendations">
          {f.commendations.map((c, i) => (
            <li key={i}>
              <span class="muted">{when(c.at, locale)}</span>
              <ul>
                {c.names.map((n, j) => (
                  <li key={j}>{n}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('console-ui-festivals-no-commendations')}</p>
      )}
      {open && (
        <form
          class="festival-form"
          onSubmit={(e) => {
            e.preventDefault();
            setPending({ names });
          }}
        >
          <TextArea
            label={t('console-ui-festivals-commend-names')}
            value={names}
            onText={setNames}
            rows={3}
            testId="commend-names"
          />
          <button type="submit" disabled={busy || !names.trim()}>
            {t('console-ui-festivals-commend')}
          </button>
        </form>
      )}

      {pending && (
        <ConfirmDialog
          t={t}
          title={
            'names' in pending
              ? t('console-ui-festivals-commend-confirm')
              : t(`console-ui-festivals-${pending.change.kind}-confirm`)
          }
          confirm={
            'names' in pending ? t('console-ui-festivals-commend') : t(`console-ui-festivals-${pending.change.kind}`)
          }
          onCancel={() => setPending(undefined)}
          onConfirm={() => void confirm()}
        >
          {'names' in pending ? (
            // As typed: the use case reads the names (one a line or separated by ";") and refuses a bad list.
            <pre class="preview" data-testid="commend-preview">
              {pending.names.trim()}
            </pre>
          ) : (
            <PreviewText t={t} preview={pending.preview} />
          )}
        </ConfirmDialog>
      )}
    </article>
  );
}
