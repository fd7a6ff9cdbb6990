import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { NavLink, Outlet, useMatches, useNavigation } from 'react-router';
import { CurrencySwitch } from '../i18n/currency-switch';
import { LanguageSwitch } from '../i18n/language-switch';
import { useRouteAnnouncement, useRouteTitle } from './document-title';
import { StartUpNoticesView } from './start-up-notices-view';

const LABELS = defineMessages({
  journeys: { id: 'shell.nav.journeys' },
  profiles: { id: 'shell.nav.profiles' },
  simulations: { id: 'shell.nav.simulations' },
  forecast: { id: 'shell.nav.forecast' },
  customerValue: { id: 'shell.nav.customerValue' },
  lifecycle: { id: 'shell.nav.lifecycle' },
});

const NAV = [
  { to: '/', label: LABELS.journeys, end: true },
  { to: '/profiles', label: LABELS.profiles, end: false },
  { to: '/simulations', label: LABELS.simulations, end: true },
  { to: '/simulations/forecast', label: LABELS.forecast, end: false },
  { to: '/customer-value', label: LABELS.customerValue, end: false },
  { to: '/lifecycle', label: LABELS.lifecycle, end: false },
];

/** The product's name and mark, the same in every language. */
const BRAND = 'Wayfinder';
const BRAND_MARK = '◆';

export function AppLayout() {
  const intl = useIntl();
  const navigation = useNavigation();
  useRouteTitle();
  const arrivedAt = useRouteAnnouncement();
  const fullScreen = useMatches().some(
    (match) => (match.handle as { fullScreen?: boolean } | undefined)?.fullScreen === true,
  );
  return (
    <div className={fullScreen ? 'app app--full-screen' : 'app'}>
      <a className="skip-link" href="#main">
        <FormattedMessage id="shell.skipToContent" />
      </a>
      <header className="app-header" hidden={fullScreen}>
        <NavLink
          to="/"
          className="brand"
          aria-label={intl.formatMessage({ id: 'shell.brand.home' })}
        >
          <span aria-hidden="true" className="brand-mark">
            {BRAND_MARK}
          </span>
          {BRAND}
        </NavLink>
        <nav aria-label={intl.formatMessage({ id: 'shell.nav.label' })}>
          <ul className="nav-list">
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} className="nav-link">
                  <FormattedMessage {...item.label} />
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageSwitch />
        <CurrencySwitch />
      </header>
      <StartUpNoticesView />
      {/* A live region, not a status: pages have statuses of their own that tests and people
          look for by role, and this one only speaks the page moved to. */}
      <p aria-live="polite" aria-atomic="true" className="route-announcer visually-hidden">
        {arrivedAt}
      </p>
      <main id="main" className="app-main" aria-busy={navigation.state === 'loading'}>
        <Outlet />
      </main>
    </div>
  );
}
