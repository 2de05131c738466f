import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { useToken, whenExpired } from './api/client';
import { logIn, type Role, type Session } from './api/session';
import { I18n, LOCALES, formattingLocale, preferredLocale, translator, type Key, type Locale } from './i18n';
import { Login } from './pages/Login';
import { Boundary } from './parts/Boundary';
import { Tenants } from './pages/Tenants';
import { Stores } from './pages/Stores';
import { Staff } from './pages/Staff';
import { Segments } from './pages/Segments';
import { Campaigns } from './pages/Campaigns';
import { Alerts } from './pages/Alerts';
import { Traffic } from './pages/Traffic';
import { Members } from './pages/Members';
import { Settings } from './pages/Settings';
import { Notices } from './pages/Notices';
import { ProgramPage } from './pages/Program';
import { Webhooks } from './pages/Webhooks';
import { DisabledWebhooks } from './parts/DisabledWebhooks';

type Page = { id: string; label: Key; roles: Role[]; render: (s: Session) => ReactElement };

/** The menu: a role sees the pages its job needs, and the platform refuses the rest anyway. */
export const PAGES: Page[] = [
  { id: 'tenants', label: 'nav.tenants', roles: ['OPERATOR'], render: () => <Tenants /> },
  { id: 'stores', label: 'nav.stores', roles: ['TENANT_ADMIN', 'STORE_MANAGER'], render: (s) => <Stores session={s} /> },
  { id: 'staff', label: 'nav.staff', roles: ['TENANT_ADMIN'], render: () => <Staff /> },
  { id: 'members', label: 'nav.members', roles: ['TENANT_ADMIN', 'STORE_MANAGER'], render: () => <Members /> },
  { id: 'settings', label: 'nav.settings', roles: ['TENANT_ADMIN'], render: () => <Settings /> },
  { id: 'program', label: 'nav.program', roles: ['TENANT_ADMIN'], render: (s) => <ProgramPage currency={s.currency} /> },
  { id: 'notices', label: 'nav.notices', roles: ['TENANT_ADMIN'], render: () => <Notices /> },
  { id: 'webhooks', label: 'nav.webhooks', roles: ['TENANT_ADMIN'], render: () => <Webhooks /> },
  { id: 'segments', label: 'nav.segments', roles: ['TENANT_ADMIN', 'MARKETER'], render: () => <Segments /> },
  { id: 'campaigns', label: 'nav.campaigns', roles: ['TENANT_ADMIN', 'MARKETER'], render: (s) => <Campaigns currency={s.currency} zone={s.zone} /> },
  { id: 'alerts', label: 'nav.alerts', roles: ['TENANT_ADMIN', 'STORE_MANAGER'], render: (s) => <Alerts session={s} /> },
  { id: 'traffic', label: 'nav.traffic', roles: ['TENANT_ADMIN', 'STORE_MANAGER', 'MARKETER'], render: (s) => <Traffic session={s} /> },
];

export function pagesFor(roles: readonly Role[]): Page[] {
  return PAGES.filter((p) => p.roles.some((r) => roles.includes(r)));
}

function useHash(): string {
  const [hash, setHash] = useState(window.location.hash.replace(/^#\/?/, ''));
  useEffect(() => {
    const changed = () => setHash(window.location.hash.replace(/^#\/?/, ''));
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return hash;
}

export function App() {
  const [locale, setLocale] = useState<Locale>(() => preferredLocale(navigator.languages));
  const i18n = useMemo(() => ({ locale, format: formattingLocale(locale, navigator.languages), t: translator(locale) }), [locale]);
  const [session, setSession] = useState<Session | null>(null);
  const [expired, setExpired] = useState(false);
  const resume = useRef<(() => void) | null>(null);
  const hash = useHash();
  const t = i18n.t;

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.title');
  }, [locale, t]);

  // A 401 mid-work opens the sign-in dialog over the page; the page and what was typed stay mounted.
  useEffect(() => {
    whenExpired(
      session
        ? () =>
            new Promise<void>((done) => {
              resume.current = done;
              setExpired(true);
            })
        : null,
    );
  }, [session]);

  // The token lasts 15 minutes: ask a minute before, so no call fails on the way.
  useEffect(() => {
    if (!session) return;
    const timer = window.setTimeout(() => setExpired(true), Math.max(0, session.expiresAt - Date.now() - 60_000));
    return () => window.clearTimeout(timer);
  }, [session]);

  async function signIn(tenant: string, username: string, password: string) {
    const s = await logIn(tenant, username, password);
    setSession(s);
    setExpired(false);
    resume.current?.();
    resume.current = null;
  }

  function signOut() {
    useToken(null);
    setSession(null);
    window.location.hash = '';
  }

  const roles: Role[] = session ? (session.kind === 'operator' ? ['OPERATOR'] : session.roles) : [];
  const pages = pagesFor(roles);
  const page = pages.find((p) => p.id === hash) ?? pages[0];

  return (
    <I18n.Provider value={i18n}>
      <a className="skip" href="#main">
        {t('app.title')}
      </a>
      <header className="top">
        <span className="brand">{t('app.title')}</span>
        <label className="locale">
          <span className="sr-only">{t('language')}</span>
          <select aria-label={t('language')} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {l.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        {session && (
          <>
            <span className="who">
              {session.username}
              {session.tenantSlug ? ` @ ${session.tenantSlug}` : ''}
            </span>
            <button type="button" onClick={signOut}>
              {t('logout')}
            </button>
          </>
        )}
      </header>
      {!session ? (
        <main id="main">
          <Login onSubmit={signIn} />
        </main>
      ) : (
        <div className="layout">
          <nav aria-label={t('menu')}>
            <ul>
              {pages.map((p) => (
                <li key={p.id}>
                  <a href={`#/${p.id}`} aria-current={p === page ? 'page' : undefined}>
                    {t(p.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <main id="main">
            {roles.includes('TENANT_ADMIN') && page?.id !== 'webhooks' && <DisabledWebhooks />}
            <Boundary key={page?.id} message={t('error.generic')}>{page ? page.render(session) : <p>{t('nothing')}</p>}</Boundary>
          </main>
        </div>
      )}
      {session && expired && (
        <div className="overlay">
          <div role="dialog" aria-modal="true" aria-labelledby="again-title" className="dialog">
            <h2 id="again-title">{t('login.title')}</h2>
            <p>{t('login.again')}</p>
            <Login onSubmit={signIn} tenant={session.tenantSlug ?? ''} username={session.username} />
          </div>
        </div>
      )}
    </I18n.Provider>
  );
}
