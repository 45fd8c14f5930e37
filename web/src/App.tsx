import { NavLink, Navigate, Route, Routes, useLocation } from 'react-router';
import { api } from './api/client.ts';
import { formatDateTime } from './format.ts';
import { useSession, useSignedIn } from './session.tsx';
import { useInterval, useLoad } from './ui.tsx';
import { Login } from './views/Login.tsx';
import { Overview } from './views/Overview.tsx';
import { Inbox } from './views/Inbox.tsx';
import { Contacts } from './views/Contacts.tsx';
import { Templates } from './views/Templates.tsx';
import { Messages } from './views/Messages.tsx';
import { Developers } from './views/Developers.tsx';
import { Standing } from './views/Standing.tsx';
import { Operator } from './views/Operator.tsx';

// The server answers the app's page on these paths (src/http/dashboard.ts DASHBOARD_PATHS): keep them in step.
const NAV = [
  { to: '/', label: 'Overview', end: true },
  { to: '/inbox', label: 'Inbox' },
  { to: '/contacts', label: 'Contacts' },
  { to: '/templates', label: 'Templates' },
  { to: '/messages', label: 'Messages' },
  { to: '/developers', label: 'Developers' },
  { to: '/standing', label: 'Account standing' },
];

export function App() {
  const session = useSession();
  const location = useLocation();
  if (session.state === 'loading') return <div className="boot" role="status">Loading Xpecto…</div>;
  if (session.state === 'signed_out') {
    if (location.pathname !== '/login') return <Navigate to="/login" replace state={{ from: location.pathname }} />;
    return <Login notice={session.notice} />;
  }
  if (location.pathname === '/login') return <Navigate to={session.session.organization ? '/' : '/operator'} replace />;
  return <Shell />;
}

function Shell() {
  const session = useSignedIn();
  const { signOut, switchOrganization } = useSession();
  const org = session.organization;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <span className="brand">Xpecto</span>
        {session.organizations.length > 1 ? (
          <label className="org-switch">
            <span className="visually-hidden">Organization</span>
            <select value={org?.id ?? ''} onChange={(e) => void switchOrganization(e.target.value)}>
              {session.organizations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
          </label>
        ) : <span className="org-name">{org?.name ?? 'Operator'}</span>}
        <span className="user">{session.user.email}</span>
        <button type="button" className="link-button" onClick={() => void signOut()}>Sign out</button>
      </header>
      <nav className="sidebar" aria-label="Main">
        <ul>
          {org ? NAV.map((n) => <li key={n.to}><NavLink to={n.to} end={n.end}>{n.label}</NavLink></li>) : null}
          {session.operator ? <li><NavLink to="/operator">Operator console</NavLink></li> : null}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {org ? <StandingBanner /> : null}
        <Routes>
          {org ? (
            <>
              <Route path="/" element={<Overview />} />
              <Route path="/inbox/*" element={<Inbox />} />
              <Route path="/contacts/*" element={<Contacts />} />
              <Route path="/templates/*" element={<Templates />} />
              <Route path="/messages/*" element={<Messages />} />
              <Route path="/developers/*" element={<Developers />} />
              <Route path="/standing/*" element={<Standing />} />
            </>
          ) : null}
          {session.operator ? <Route path="/operator/*" element={<Operator />} /> : null}
          <Route path="*" element={<Navigate to={org ? '/' : '/operator'} replace />} />
        </Routes>
      </main>
    </div>
  );
}

/** A warned, restricted or suspended organization sees it on every page, with the way to its standing. */
function StandingBanner() {
  const standing = useLoad(() => api.GET('/v1/account/standing'), []);
  useInterval(() => void standing.reload(), 30_000);
  const state = standing.data?.state;
  if (!state || state === 'good') return null;
  const until = standing.data?.until ? ` until ${formatDateTime(standing.data.until)}` : '';
  const text: Record<string, string> = {
    warned: 'Your account has a warning: some signals are close to the level where sending is limited.',
    restricted: 'Your account is restricted: marketing messages are paused and limits are lower.',
    suspended: `Your account is suspended${until}: messages cannot be sent.`,
    terminated: 'Your account is terminated: messages cannot be sent.',
  };
  return (
    <div className={`banner banner-${state}`} role="alert" data-testid="standing-banner">
      {text[state] ?? `Your account's standing is ${state}.`} <NavLink to="/standing">See why and what to do</NavLink>
    </div>
  );
}
