import { useEffect, useState } from 'preact/hooks';
import { AreaOptions } from './area-options.tsx';
import type { Me } from './api.ts';
import { ApiError, getJson, post } from './http.ts';
import {
  INVITE_STATES,
  when,
  type Grant,
  type Invite,
  type InviteState,
  type StaffPage as Staff,
} from './staff-api.ts';
import './staff.css';

type T = (id: string) => string;
interface PageProps {
  me: Me;
  t: T;
  locale: string;
}

const ROLES = ['officer', 'admin', 'leader'] as const;

/** "Cán bộ": colleagues with their display labels; for admins and the operator also invites and revoking. */
export function StaffPage({ me, t, locale }: PageProps) {
  const [staff, setStaff] = useState<Staff | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const load = () =>
    getJson<Staff>('/console/api/staff')
      .then(setStaff)
      .catch((e) =>
        setProblem(e instanceof ApiError && e.status === 403 ? 'console-ui-staff-forbidden' : 'console-ui-error'),
      );
  useEffect(() => void load(), []);

  if (problem) return <p class="notice error">{t(problem)}</p>;
  if (!staff) return <p class="notice">{t('console-ui-loading')}</p>;
  return (
    <>
      <Colleagues me={me} t={t} locale={locale} staff={staff} onRevoked={load} />
      {staff.manages && <Invites me={me} t={t} locale={locale} staff={staff} />}
    </>
  );
}

function Colleagues({ me, t, locale, staff, onRevoked }: PageProps & { staff: Staff; onRevoked: () => void }) {
  const [asking, setAsking] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const revoke = async (g: Grant) => {
    setFailed(false);
    try {
      await post(me, `/console/api/staff/grants/${g.id}/revoke`);
      setAsking(undefined);
      setDone(g.label ?? t(`role-${g.role}`));
      onRevoked();
    } catch {
      setFailed(true);
    }
  };
  return (
    <section data-testid="grants">
      <h3>{t('console-ui-staff-grants')}</h3>
      {done && (
        <p class="notice" role="status">
          {t('console-ui-staff-revoked')} {done}
        </p>
      )}
      {failed && <p class="notice error">{t('console-ui-error')}</p>}
      {!staff.grants.length && <p class="notice">{t('console-ui-staff-none')}</p>}
      <ul class="rows">
        {staff.grants.map((g) => (
          <li key={g.id} data-testid="grant">
            <div>
              <strong>{g.label ?? t('console-ui-staff-no-label')}</strong>
              <span class="muted">
                {' '}
                · {t(`role-${g.role}`)} · {g.area}
              </span>
              <div class="muted small">
                {t('console-ui-staff-since')} {when(g.since, locale)}
              </div>
            </div>
            {staff.manages &&
              (asking === g.id ? (
                <span class="actions">
                  <button type="button" class="danger" onClick={() => revoke(g)}>
                    {t('console-ui-staff-revoke-confirm')}
                  </button>
                  <button type="button" onClick={() => setAsking(undefined)}>
                    {t('console-ui-cancel')}
                  </button>
                </span>
              ) : (
                <button type="button" onClick={() => setAsking(g.id)}>
                  {t('console-ui-staff-revoke')}
                </button>
              ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Invites({ me, t, locale, staff }: PageProps & { staff: Staff }) {
  const [state, setState] = useState<InviteState>('open');
  const [invites, setInvites] = useState<Invite[] | undefined>(undefined);
  const [made, setMade] = useState<{ code: string; expiresAt: string } | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [days, setDays] = useState('7');
  const load = (s: InviteState) =>
    getJson<Invite[]>(`/console/api/staff/invites?state=${s}`)
      .then(setInvites)
      .catch(() => setFailed(true));
  useEffect(() => void load(state), [state]);

  const create = async (e: Event) => {
    e.preventDefault();
    setFailed(false);
    const form = new FormData(e.currentTarget as HTMLFormElement);
    try {
      setMade(
        await post(me, '/console/api/staff/invites', {
          role: form.get('role'),
          areaCode: form.get('area'),
          days: Number(days),
        }),
      );
      if (state === 'open') void load(state);
      else setState('open');
    } catch {
      setFailed(true);
    }
  };
  const withdraw = async (i: Invite) => {
    try {
      await post(me, `/console/api/staff/invites/${i.id}/revoke`);
      void load(state);
    } catch {
      setFailed(true);
    }
  };

  return (
    <section data-testid="invites">
      <h3>{t('console-ui-invite-new')}</h3>
      <form class="fields" onSubmit={create}>
        <label>
          <span>{t('console-ui-invite-role')}</span>
          <select name="role">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role-${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('console-ui-invite-area')}</span>
          <select name="area">
            <AreaOptions areas={staff.areas} />
          </select>
        </label>
        <label>
          <span>{t('console-ui-invite-days')}</span>
          <input
            name="days"
            type="number"
            min={1}
            max={90}
            value={days}
            required
            onInput={(e) => setDays((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <button type="submit">{t('console-ui-invite-create')}</button>
      </form>
      {failed && <p class="notice error">{t('console-ui-error')}</p>}
      {made && (
        <div class="code" role="status" data-testid="invite-code">
          <p>
            {t('console-ui-invite-code')} <strong>{made.code}</strong>
          </p>
          <p class="muted small">
            {t('console-ui-invite-until')} {when(made.expiresAt, locale)}. {t('console-ui-invite-how')}{' '}
            <code>/staff {made.code}</code>
          </p>
          <p class="muted small">{t('console-ui-invite-once')}</p>
        </div>
      )}
      <h3>{t('console-ui-invites')}</h3>
      <label class="inline">
        <span>{t('console-ui-invite-state')}</span>
        <select
          value={state}
          data-testid="invite-state"
          onChange={(e) => setState((e.currentTarget as HTMLSelectElement).value as InviteState)}
        >
          {INVITE_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`console-ui-invite-state-${s}`)}
            </option>
          ))}
        </select>
      </label>
      {invites && !invites.length && <p class="notice">{t('console-ui-invites-none')}</p>}
      <ul class="rows">
        {invites?.map((i) => (
          <li key={i.id} data-testid="invite">
            <div>
              <strong>{t(`role-${i.role}`)}</strong> <span class="muted">· {i.area}</span>
              <div class="muted small">
                {t('console-ui-invite-created')} {when(i.createdAt, locale)} · {t('console-ui-invite-expires')}{' '}
                {when(i.expiresAt, locale)}
                {i.usedAt && ` · ${t('console-ui-invite-used')} ${when(i.usedAt, locale)}`}
                {i.revokedAt && ` · ${t('console-ui-invite-revoked')} ${when(i.revokedAt, locale)}`}
              </div>
            </div>
            {state === 'open' && (
              <button type="button" onClick={() => withdraw(i)}>
                {t('console-ui-invite-withdraw')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
