import { useEffect, useState } from 'preact/hooks';
import { fetchMe, fetchStrings, logout, LOCALES, type Locale, type Me, type Strings } from './api.ts';
import { AuditLogPage } from './audit.tsx';
import { ReportPage } from './report.tsx';
import { ModelsPage } from './models.tsx';
import { FestivalsPage } from './festivals.tsx';
import { BroadcastsPage, BroadcastView } from './broadcasts.tsx';
import { broadcastIdOf, sectionOf, sectionPath, sectionsFor, tipCodeOf } from './sections.ts';
import { StaffPage } from './staff.tsx';
import { isReportPath } from './stats-api.ts';
import { StatsPage } from './stats.tsx';
import { SystemPage } from './system.tsx';
import { TipsInbox, TipView } from './tips.tsx';

const LOCALE_KEY = 'antq-console-locale';
const storedLocale = (): Locale | undefined => LOCALES.find((l) => l === localStorage.getItem(LOCALE_KEY));

/** `undefined` while asking, `null` once nobody is signed in. */
type Session = Me | null | undefined;

export function App() {
  const [me, setMe] = useState<Session>(undefined);
  const [locale, setLocale] = useState<Locale>(storedLocale() ?? 'vi');
  const [strings, setStrings] = useState<Strings | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [path, setPath] = useState(location.pathname);
  const [loggedOut, setLoggedOut] = useState(false);

  useEffect(() => {
    fetchMe()
      .then((found) => {
        setMe(found);
        // The person's chat language, unless they chose one here.
        if (found && !storedLocale()) setLocale(found.locale);
      })
      .catch(() => setFailed(true));
    const onPop = () => setPath(location.pathname);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    fetchStrings(locale)
      .then(setStrings)
      .catch(() => setFailed(true));
  }, [locale]);

  if (!strings) return failed ? <p class="notice">Error / Lỗi</p> : null;
  const t = (id: string) => strings[id] ?? id;
  document.title = t('console-ui-title');

  const chooseLocale = (next: Locale) => {
    localStorage.setItem(LOCALE_KEY, next);
    setLocale(next);
  };
  const navigate = (next: string) => {
    history.pushState(null, '', next);
    setPath(location.pathname);
  };
  const section = sectionOf(path);
  const tipCode = tipCodeOf(path);
  const broadcastId = broadcastIdOf(path);
  const signOut = async (current: Me) => {
    try {
      await logout(current);
      setMe(null);
      setLoggedOut(true);
    } catch {
      setFailed(true);
    }
  };

  return (
    <div class="shell">
      <header class="top">
        <h1>{t('console-ui-title')}</h1>
        <label class="language">
          <span>{t('console-ui-language')}</span>
          <select
            value={locale}
            onChange={(e) => chooseLocale((e.currentTarget as HTMLSelectElement).value as Locale)}
            data-testid="language"
          >
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      {failed && <p class="notice error">{t('console-ui-error')}</p>}
      {me === undefined && !failed && <p class="notice">{t('console-ui-loading')}</p>}
      {me === null && <SignedOut t={t} loggedOut={loggedOut} />}
      {me && (
        <>
          <Who me={me} t={t} onLogout={() => signOut(me)} />
          <nav aria-label={t('console-ui-nav')}>
            <ul>
              {sectionsFor(me).map((s) => (
                <li key={s}>
                  <a
                    href={sectionPath(s)}
                    aria-current={s === section ? 'page' : undefined}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(sectionPath(s));
                    }}
                  >
                    {t(`console-ui-nav-${s}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <main>
            {section ? (
              <>
                <h2>{t(`console-ui-nav-${section}`)}</h2>
                {section === 'tips' ? (
                  tipCode ? (
                    <TipView key={tipCode} t={t} me={me} locale={locale} code={tipCode} navigate={navigate} />
                  ) : (
                    <TipsInbox key={path} t={t} me={me} locale={locale} navigate={navigate} />
                  )
                ) : section === 'models' ? (
                  <ModelsPage me={me} t={t} locale={locale} path={path} navigate={navigate} />
                ) : section === 'festivals' ? (
                  <FestivalsPage key={path} t={t} me={me} locale={locale} path={path} navigate={navigate} />
                ) : section === 'broadcasts' ? (
                  broadcastId ? (
                    <BroadcastView
                      key={broadcastId}
                      me={me}
                      t={t}
                      locale={locale}
                      navigate={navigate}
                      id={broadcastId}
                    />
                  ) : (
                    <BroadcastsPage key={path} me={me} t={t} locale={locale} navigate={navigate} />
                  )
                ) : section === 'staff' ? (
                  <StaffPage me={me} t={t} locale={locale} />
                ) : section === 'audit' ? (
                  <AuditLogPage me={me} t={t} locale={locale} />
                ) : section === 'stats' ? (
                  isReportPath(path) ? (
                    <ReportPage t={t} navigate={navigate} />
                  ) : (
                    <StatsPage key={path} t={t} navigate={navigate} />
                  )
                ) : section === 'system' && me.kind === 'operator' ? (
                  <SystemPage t={t} />
                ) : (
                  <p class="notice">{t('console-ui-page-soon')}</p>
                )}
              </>
            ) : (
              <p class="notice">{t('console-ui-welcome')}</p>
            )}
          </main>
        </>
      )}
    </div>
  );
}

type T = (id: string) => string;

function SignedOut({ t, loggedOut }: { t: T; loggedOut: boolean }) {
  return (
    <main class="signed-out" data-testid="signed-out">
      {loggedOut && <p class="notice">{t('console-ui-logged-out')}</p>}
      <h2>{t('console-ui-signed-out-title')}</h2>
      <p>{t('console-ui-signed-out')}</p>
      <p class="hint">{t('console-ui-signed-out-operator')}</p>
    </main>
  );
}

function Who({ me, t, onLogout }: { me: Me; t: T; onLogout: () => void }) {
  const name = me.kind === 'operator' ? t('console-ui-operator') : me.label;
  return (
    <section class="who" data-testid="who">
      <div>
        {name && <strong data-testid="who-label">{name}</strong>}
        <ul class="roles" aria-label={t('console-ui-roles')}>
          {me.kind === 'operator' ? (
            <li>{t('console-ui-all-areas')}</li>
          ) : (
            me.roles.map((r) => (
              <li key={`${r.role}:${r.area}`}>
                {t(`role-${r.role}`)} · {r.area}
              </li>
            ))
          )}
        </ul>
      </div>
      <button type="button" onClick={onLogout}>
        {t('console-ui-logout')}
      </button>
    </section>
  );
}
