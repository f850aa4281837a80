import { useEffect, useState } from 'preact/hooks';
import { TextArea } from './text-area.tsx';
import type { Me } from './api.ts';
import { ApiError } from './http.ts';
import {
  fetchPoster,
  fetchReview,
  inviteLeader,
  posterOf,
  posterPath,
  recordDecision,
  VERDICTS,
  type Decision,
  type Poster,
  type Review,
  type ReviewedModel,
  type Verdict,
} from './models-api.ts';
import { when } from './staff-api.ts';
import './models.css';

type T = (id: string) => string;
interface PageProps {
  me: Me;
  t: T;
  locale: string;
  path: string;
  navigate: (path: string) => void;
}

/** "Mô hình": the review of the officer's models, or one model's printable poster. */
export function ModelsPage(props: PageProps) {
  const poster = posterOf(props.path);
  return poster ? <PosterPage key={poster} {...props} id={poster} /> : <ModelsReview {...props} />;
}

/** "2026-H2" as people say it: "6 tháng cuối năm 2026". */
const periodName = (t: T, period: string) => {
  const [year, half] = period.split('-H');
  return `${t(`console-ui-models-half-${half}`)} ${year}`;
};

function ModelsReview({ me, t, locale, navigate }: PageProps) {
  const [review, setReview] = useState<Review | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const load = () =>
    fetchReview()
      .then(setReview)
      .catch(() => setFailed(true));
  useEffect(() => void load(), []);

  if (failed) return <p class="notice error">{t('console-ui-error')}</p>;
  if (!review) return <p class="notice">{t('console-ui-loading')}</p>;
  if (!review.communes.length) return <p class="notice">{t('console-ui-models-none')}</p>;
  return (
    <>
      <p class="notice" data-testid="models-window">
        {t('console-ui-models-window')} {review.days} {t('console-ui-models-days')}
      </p>
      {review.communes.map((c) => (
        <section key={c.code} class="commune" data-testid="commune" data-code={c.code}>
          <h3>{c.name}</h3>
          {c.models.map((m) => (
            <ModelCard
              key={m.id}
              me={me}
              t={t}
              locale={locale}
              model={m}
              periods={review.periods}
              navigate={navigate}
              onChanged={load}
            />
          ))}
        </section>
      ))}
    </>
  );
}

const FIGURES = ['members', 'pending', 'joins', 'leaves', 'notices', 'tips'] as const;

interface CardProps {
  me: Me;
  t: T;
  locale: string;
  model: ReviewedModel;
  periods: string[];
  navigate: (path: string) => void;
  onChanged: () => void;
}

function ModelCard({ me, t, locale, model, periods, navigate, onChanged }: CardProps) {
  const [deciding, setDeciding] = useState(false);
  const [done, setDone] = useState<string | undefined>(undefined);
  return (
    <article class="model-card" data-testid="model" data-id={model.id}>
      <header>
        <strong data-testid="model-name">{model.name}</strong>
        <span class={model.retired ? 'badge' : 'badge ok'} data-testid="model-state">
          {t(model.retired ? 'console-ui-models-retired' : 'console-ui-models-active')}
        </span>
        <div class="muted small">
          {model.area} · {model.joinCode} ·{' '}
          {t(model.hasLeader ? 'console-ui-models-has-leader' : 'console-ui-models-no-leader')}
        </div>
      </header>
      <dl class="figures">
        {FIGURES.map((f) => (
          <div key={f} data-testid={`fig-${f}`}>
            <dt>{t(`console-ui-models-fig-${f}`)}</dt>
            <dd>{model[f]}</dd>
          </div>
        ))}
      </dl>
      <Decisions t={t} locale={locale} decisions={model.decisions} />
      {done && (
        <p class="notice" role="status" data-testid="model-notice">
          {done}
        </p>
      )}
      <div class="actions">
        <button type="button" onClick={() => setDeciding(!deciding)} aria-expanded={deciding}>
          {t('console-ui-models-decide')}
        </button>
        <a
          class="button"
          href={posterPath(model.id)}
          onClick={(e) => {
            e.preventDefault();
            navigate(posterPath(model.id));
          }}
        >
          {t('console-ui-models-poster')}
        </a>
      </div>
      {deciding && (
        <DecisionForm
          me={me}
          t={t}
          model={model}
          periods={periods}
          onDone={(text) => {
            setDeciding(false);
            setDone(text);
            onChanged();
          }}
        />
      )}
      {!model.retired && <LeaderInvite me={me} t={t} locale={locale} model={model} />}
    </article>
  );
}

function Decisions({ t, locale, decisions }: { t: T; locale: string; decisions: Decision[] }) {
  if (!decisions.length) return <p class="muted small">{t('console-ui-models-no-decision')}</p>;
  return (
    <ul class="decisions" data-testid="decisions">
      {decisions.map((d) => (
        <li key={d.period} data-testid="decision" data-period={d.period}>
          <strong>{periodName(t, d.period)}:</strong> {t(`console-ui-models-verdict-${d.decision}`)}
          {d.note && <span class="note"> — {d.note}</span>}
          <div class="muted small">
            {d.by.kind === 'operator' ? t('console-ui-operator') : (d.by.label ?? t('console-ui-models-an-officer'))}
            {' · '}
            {when(d.at, locale)}
          </div>
        </li>
      ))}
    </ul>
  );
}

interface FormProps {
  me: Me;
  t: T;
  model: ReviewedModel;
  periods: string[];
  onDone: (text: string) => void;
}

function DecisionForm({ me, t, model, periods, onDone }: FormProps) {
  const [period, setPeriod] = useState(periods[0]!);
  const recorded = model.decisions.find((d) => d.period === period);
  const [verdict, setVerdict] = useState<Verdict | undefined>(undefined);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!verdict) return setProblem('console-ui-models-choose-verdict');
    setBusy(true);
    setProblem(undefined);
    try {
      const saved = await recordDecision(me, model.id, period, verdict, note);
      onDone(
        `${t(saved.replaced ? 'console-ui-models-replaced' : 'console-ui-models-recorded')} ${periodName(t, period)}.` +
          (saved.retired && verdict === 'retire' ? ` ${t('console-ui-models-retired-done')}` : ''),
      );
    } catch (err) {
      setProblem(err instanceof ApiError && err.status === 400 ? 'console-ui-models-bad-decision' : 'console-ui-error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="decision-form" data-testid="decision-form" onSubmit={submit}>
      <label>
        <span>{t('console-ui-models-period')}</span>
        <select
          value={period}
          data-testid="decision-period"
          onChange={(e) => setPeriod((e.currentTarget as HTMLSelectElement).value)}
        >
          {periods.map((p) => (
            <option key={p} value={p}>
              {periodName(t, p)}
            </option>
          ))}
        </select>
      </label>
      {recorded && <p class="muted small">{t('console-ui-models-replaces')}</p>}
      <fieldset>
        <legend>{t('console-ui-models-verdict')}</legend>
        {VERDICTS.map((v) => (
          <label key={v} class="choice">
            <input
              type="radio"
              name={`verdict-${model.id}`}
              value={v}
              checked={verdict === v}
              onChange={() => setVerdict(v)}
            />{' '}
            {t(`console-ui-models-verdict-${v}`)}
          </label>
        ))}
      </fieldset>
      {verdict === 'retire' && !model.retired && (
        <p class="notice error" data-testid="retire-warning">
          {t('console-ui-models-retire-warning')}
        </p>
      )}
      <TextArea
        label={t('console-ui-models-note')}
        value={note}
        onText={setNote}
        rows={3}
        maxLength={1000}
        testId="decision-note"
      />
      {problem && <p class="notice error">{t(problem)}</p>}
      <button type="submit" class="primary" disabled={busy}>
        {t('console-ui-models-save')}
      </button>
    </form>
  );
}

/** A one-time code for the model's leader, shown once: whoever sends `/staff <code>` to the bot leads the model. */
function LeaderInvite({ me, t, locale, model }: { me: Me; t: T; locale: string; model: ReviewedModel }) {
  const [invite, setInvite] = useState<{ code: string; expiresAt: string } | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const ask = async () => {
    setFailed(false);
    try {
      setInvite(await inviteLeader(me, model.id));
    } catch {
      setFailed(true);
    }
  };
  if (invite)
    return (
      <div class="invite" data-testid="leader-invite">
        <p>
          {t('console-ui-models-invite-code')} <code data-testid="leader-invite-code">{invite.code}</code>
        </p>
        <p class="muted small">
          {t('console-ui-models-invite-how')} <code>/staff {invite.code}</code> · {t('console-ui-models-invite-until')}{' '}
          {when(invite.expiresAt, locale)}
        </p>
      </div>
    );
  return (
    <div class="actions">
      <button type="button" onClick={ask}>
        {t('console-ui-models-invite')}
      </button>
      {failed && <span class="notice error">{t('console-ui-error')}</span>}
    </div>
  );
}

function PosterPage({ t, navigate, id }: PageProps & { id: number }) {
  const [poster, setPoster] = useState<Poster | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  useEffect(() => {
    fetchPoster(id)
      .then(setPoster)
      .catch((e) =>
        setProblem(e instanceof ApiError && e.status === 404 ? 'console-ui-models-not-found' : 'console-ui-error'),
      );
  }, [id]);
  const back = (
    <a
      class="button"
      href="/console/models"
      onClick={(e) => {
        e.preventDefault();
        navigate('/console/models');
      }}
    >
      {t('console-ui-models-back')}
    </a>
  );
  if (problem)
    return (
      <>
        <p class="notice error" data-testid="poster-problem">
          {t(problem)}
        </p>
        {back}
      </>
    );
  if (!poster) return <p class="notice">{t('console-ui-loading')}</p>;
  return (
    <>
      <div class="actions no-print">
        {back}
        <button type="button" class="primary" onClick={() => print()}>
          {t('console-ui-models-print')}
        </button>
      </div>
      {poster.retired && <p class="notice error no-print">{t('console-ui-models-poster-retired')}</p>}
      <article class="poster" data-testid="poster">
        <p class="poster-kicker">{t('console-ui-models-poster-title')}</p>
        <h3 data-testid="poster-name">{poster.name}</h3>
        <p class="poster-area">{poster.area}</p>
        <p class="poster-code-label">{t('console-ui-models-poster-code')}</p>
        <p class="poster-code" data-testid="poster-code">
          {poster.joinCode}
        </p>
        {poster.qr && <img class="poster-qr" src={poster.qr} alt={t('console-ui-models-poster-qr')} />}
        <div class="poster-how">
          <section>
            <h4>Telegram</h4>
            {poster.link ? (
              <p>
                {t('console-ui-models-poster-telegram')} <span class="poster-link">{poster.link}</span>
              </p>
            ) : (
              <p>{t('console-ui-models-poster-telegram-code')}</p>
            )}
          </section>
          <section>
            <h4>Zalo</h4>
            <p>
              {t('console-ui-models-poster-zalo')} <strong>{poster.joinCode}</strong>{' '}
              {t('console-ui-models-poster-zalo-end')}
            </p>
          </section>
        </div>
      </article>
    </>
  );
}
