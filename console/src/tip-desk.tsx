import { useEffect, useState } from 'preact/hooks';
import { TextArea } from './text-area.tsx';
import type { Locale, Me } from './api.ts';
import { time } from './format.ts';
import { ApiError, getJson, post } from './http.ts';

type T = (id: string) => string;

interface Desk {
  assignee: string | null;
  colleagues: Array<{ userId: string; label: string | null }>;
  notes: Array<{ by: string | null; text: string; at: string }>;
  canned: Array<{ id: number; text: string }>;
}

const deskPath = (code: string, rest = 'desk') => `/console/api/tips/${encodeURIComponent(code)}/${rest}`;

interface DeskProps {
  t: T;
  me: Me;
  locale: Locale;
  code: string;
  /** The reply being written: a ready answer fills it, and it can be kept as one. */
  reply: string;
  setReply: (text: string) => void;
  /** The tip changed (given to a colleague): its page asks for it again. */
  onChanged: () => void;
}

/** The officers' own tools on a tip: give it to a colleague, ready answers, notes the reporter never sees. */
export function TipDesk({ t, me, locale, code, reply, setReply, onChanged }: DeskProps) {
  const [desk, setDesk] = useState<Desk | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [assignee, setAssignee] = useState('');
  const [note, setNote] = useState('');
  const [canned, setCanned] = useState('');
  const [busy, setBusy] = useState(false);

  const load = () =>
    getJson<Desk>(deskPath(code)).then(
      (d) => {
        setDesk(d);
        setAssignee(d.assignee ?? '');
      },
      () => setNotice(t('console-ui-error')),
    );
  useEffect(() => void load(), [code]);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setNotice(await work());
    } catch (err) {
      setNotice(
        err instanceof ApiError && err.reason === 'closed'
          ? t('console-ui-desk-closed')
          : err instanceof ApiError && err.reason === 'invalid'
            ? t('console-ui-desk-invalid')
            : t('console-ui-error'),
      );
    } finally {
      setBusy(false);
      await load();
    }
  };
  if (!desk) return notice ? <p class="notice error">{notice}</p> : null;
  const name = (c: Desk['colleagues'][number]) => c.label ?? t('console-ui-by-officer');

  return (
    <section class="desk" data-testid="desk">
      {notice && (
        <p class="notice" role="status" data-testid="desk-notice">
          {notice}
        </p>
      )}
      <form
        class="assign"
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            await post(me, deskPath(code, 'assign'), { userId: assignee });
            onChanged();
            return t('console-ui-desk-assigned');
          });
        }}
      >
        <label>
          <span>{t('console-ui-desk-assignee')}</span>
          <select value={assignee} onChange={(e) => setAssignee((e.currentTarget as HTMLSelectElement).value)}>
            {!desk.assignee && <option value="">{t('console-ui-desk-nobody')}</option>}
            {desk.colleagues.map((c) => (
              <option key={c.userId} value={c.userId}>
                {name(c)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy || !assignee || assignee === desk.assignee}>
          {t('console-ui-desk-assign')}
        </button>
      </form>

      <div class="canned">
        <label>
          <span>{t('console-ui-desk-canned')}</span>
          <select
            value={canned}
            onChange={(e) => {
              const id = (e.currentTarget as HTMLSelectElement).value;
              setCanned(id);
              const chosen = desk.canned.find((c) => String(c.id) === id);
              if (chosen) setReply(chosen.text);
            }}
            data-testid="canned"
          >
            <option value="">{t('console-ui-desk-canned-pick')}</option>
            {desk.canned.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.text.length > 60 ? `${c.text.slice(0, 60)}…` : c.text}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={busy || reply.trim().length < 2}
          onClick={() =>
            act(async () => {
              await post(me, deskPath(code, 'canned'), { text: reply });
              return t('console-ui-desk-canned-saved');
            })
          }
        >
          {t('console-ui-desk-canned-save')}
        </button>
        {canned && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              act(async () => {
                await post(me, deskPath(code, `canned/${canned}/retire`));
                setCanned('');
                return t('console-ui-desk-canned-retired');
              })
            }
          >
            {t('console-ui-desk-canned-retire')}
          </button>
        )}
      </div>

      <h4>{t('console-ui-desk-notes')}</h4>
      <p class="hint">{t('console-ui-desk-notes-hint')}</p>
      {desk.notes.length > 0 && (
        <ol class="notes" data-testid="notes">
          {desk.notes.map((n, i) => (
            <li key={i}>
              <strong>{n.by ?? t('console-ui-by-officer')}</strong> · {time(locale, n.at)}: {n.text}
            </li>
          ))}
        </ol>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            await post(me, deskPath(code, 'notes'), { text: note });
            setNote('');
            return t('console-ui-desk-note-saved');
          });
        }}
      >
        <TextArea label={t('console-ui-desk-note')} value={note} onText={setNote} rows={2} testId="note-text" />
        <button type="submit" disabled={busy || !note.trim()}>
          {t('console-ui-desk-note-save')}
        </button>
      </form>
    </section>
  );
}
