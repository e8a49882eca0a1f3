import { useState } from 'react';
import { NavLink, Outlet } from 'react-router-dom';
import { useAuth, useSession } from '../../features/auth/auth-context';
import { navItems } from './nav-items';

export function AppLayout() {
  const { user, merchant } = useSession();
  const { logOut } = useAuth();
  const [loggingOut, setLoggingOut] = useState(false);

  // Once the session is gone, <RequireAuth> sends the user to the login page.
  async function handleLogOut() {
    setLoggingOut(true);
    await logOut();
  }

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="sidebar__brand">
          <span className="sidebar__logo" aria-hidden="true">
            P
          </span>
          Postino
        </div>
        <nav aria-label="Main">
          <ul className="nav">
            {navItems.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className="nav__link">
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="app-shell__body">
        <header className="topbar">
          <span className="topbar__merchant">{merchant.name}</span>
          <div className="topbar__user">
            <span>
              <span className="topbar__user-name">{user.name}</span>
              <span className="muted small"> {user.email}</span>
            </span>
            <button type="button" className="button button--small" onClick={handleLogOut} disabled={loggingOut}>
              Log out
            </button>
          </div>
        </header>
        <main id="main" className="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
