import { useEffect, useState } from 'preact/hooks';
import { AreaOptions } from './area-options.tsx';
import type { Me } from './api.ts';
import { ApiError, getJson } from './http.ts';
import { when, type AuditEntry, type AuditPage, type StaffPage } from './staff-api.ts';
import './staff.css';

type T = (id: string) => string;

/** The kinds of action one may filter by (the start of the audit entries' action). */
const KINDS = ['invite.', 'grant.', 'console.', 'tip.', 'broadcast.', 'model.', 'festival.', 'station.'];

interface Filters {
  actor: string;
  action: string;
  area: string;
  from: string;
  to: string;
}
const NONE: Filters = { actor: '', action: '', area: '', from: '', to: '' };

const query = (f: Filters, before?: string) =>
  new URLSearchParams(Object.entries({ ...f, ...(before && { before }) }).filter(([, v]) => v !== '')).toString();

/** "Nhật ký": the audit log of the admin's areas (everything for the operator), filtered, a page at a time. */
export function AuditLogPage({ t, locale }: { me: Me; t: T; locale: string }) {
  const [filters, setFilters] = useState<Filters>(NONE);
  const [areas, setAreas] = useState<StaffPage['areas']>([]);
  const [entries, setEntries] = useState<AuditEntry[] | undefined>(undefined);
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const fetchPage = (f: Filters, before?: string) =>
    getJson<AuditPage>(`/console/api/audit?${query(f, before)}`).catch((e) => {
      setProblem(e instanceof ApiError && e.status === 403 ? 'console-ui-audit-forbidden' : 'console-ui-error');
      return undefined;
    });
  const search = async (f: Filters) => {
    setProblem(undefined);
    const page = await fetchPage(f);
    if (!page) return;
    setEntries(page.entries);
    setNext(page.next);
  };
  const more = async () => {
    const page = next ? await fetchPage(filters, next) : undefined;
    if (!page) return;
    setEntries([...(entries ?? []), ...page.entries]);
    setNext(page.next);
  };
  useEffect(() => {
    void search(NONE);
    getJson<StaffPage>('/console/api/staff')
      .then((s) => setAreas(s.areas))
      .catch(() => undefined);
  }, []);

  const field = (name: keyof Filters) => ({
    name,
    value: filters[name],
    onInput: (e: Event) => setFilters({ ...filters, [name]: (e.currentTarget as HTMLInputElement).value }),
  });
  const by = (e: AuditEntry) =>
    e.by.kind === 'operator'
      ? t('console-ui-operator')
      : e.by.kind === 'staff'
        ? (e.by.label ?? t('console-ui-staff-no-label'))
        : t('console-ui-audit-someone');

  return (
    <section data-testid="audit">
      <form
        class="fields"
        onSubmit={(e) => {
          e.preventDefault();
          void search(filters);
        }}
      >
        <label>
          <span>{t('console-ui-audit-actor')}</span>
          <input type="search" maxLength={60} {...field('actor')} />
        </label>
        <label>
          <span>{t('console-ui-audit-action')}</span>
          <select {...field('action')} onChange={field('action').onInput}>
            <option value="">{t('console-ui-audit-any')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('console-ui-audit-area')}</span>
          <select {...field('area')} onChange={field('area').onInput}>
            <option value="">{t('console-ui-audit-any')}</option>
            <AreaOptions areas={areas} />
          </select>
        </label>
        <label>
          <span>{t('console-ui-audit-from')}</span>
          <input type="date" {...field('from')} />
        </label>
        <label>
          <span>{t('console-ui-audit-to')}</span>
          <input type="date" {...field('to')} />
        </label>
        <button type="submit">{t('console-ui-audit-search')}</button>
      </form>
      {problem && <p class="notice error">{t(problem)}</p>}
      {entries && !entries.length && <p class="notice">{t('console-ui-audit-none')}</p>}
      {entries && entries.length > 0 && (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th>{t('console-ui-audit-when')}</th>
                <th>{t('console-ui-audit-action')}</th>
                <th>{t('console-ui-audit-by')}</th>
                <th>{t('console-ui-audit-area')}</th>
                <th>{t('console-ui-invite-role')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-testid="audit-entry">
                  <td>{when(e.at, locale)}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>{by(e)}</td>
                  <td>{e.area ?? ''}</td>
                  <td>{e.role ? t(`role-${e.role}`) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" onClick={more}>
          {t('console-ui-audit-more')}
        </button>
      )}
    </section>
  );
}
