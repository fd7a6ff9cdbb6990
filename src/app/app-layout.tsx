import { NavLink, Outlet, useMatches, useNavigation } from 'react-router';

const NAV = [
  { to: '/', label: 'Journeys', end: true },
  { to: '/profiles', label: 'Profiles', end: false },
  { to: '/simulations', label: 'Simulations', end: true },
  { to: '/simulations/forecast', label: 'Forecast', end: false },
  { to: '/customer-value', label: 'Customer value', end: false },
  { to: '/lifecycle', label: 'Lifecycle', end: false },
];

export function AppLayout() {
  const navigation = useNavigation();
  const fullScreen = useMatches().some(
    (match) => (match.handle as { fullScreen?: boolean } | undefined)?.fullScreen === true,
  );
  return (
    <div className={fullScreen ? 'app app--full-screen' : 'app'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header" hidden={fullScreen}>
        <NavLink to="/" className="brand" aria-label="Wayfinder home">
          <span aria-hidden="true" className="brand-mark">
            ◆
          </span>
          Wayfinder
        </NavLink>
        <nav aria-label="Main">
          <ul className="nav-list">
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} className="nav-link">
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="app-main" aria-busy={navigation.state === 'loading'}>
        <Outlet />
      </main>
    </div>
  );
}
