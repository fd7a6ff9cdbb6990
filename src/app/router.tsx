import { defineMessages } from 'react-intl';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { RouteError } from './route-error';
import { withPageMessages } from '../i18n/with-page-messages.tsx';

/** Each page's name in the tab's title (see `document-title.ts`). */
const TITLES = defineMessages({
  journeys: { id: 'shell.nav.journeys' },
  profiles: { id: 'shell.nav.profiles' },
  simulations: { id: 'shell.nav.simulations' },
  forecast: { id: 'shell.nav.forecast' },
  customerValue: { id: 'shell.nav.customerValue' },
  lifecycle: { id: 'shell.nav.lifecycle' },
  notFound: { id: 'shell.notFound.title' },
});

/** The English messages only the lazy pages use, fetched with the first of them. */
const pageMessages = async () => (await import('virtual:wayfinder-messages/en/pages')).default;

/**
 * Routes are lazy so the canvas (React Flow) and charts load only where they are used. Every
 * page has its own error element, drawn inside the layout: a page that fails leaves the header
 * and the way back.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    // While the first page's code is on its way (routes are lazy), the header, its way around
    // and the start-up notices show, not a blank window.
    hydrateFallbackElement: <AppLayout />,
    // The layout's own failure; a page's failure is caught by its route below, inside the layout.
    errorElement: <RouteError />,
    children: [
      {
        index: true,
        handle: { title: TITLES.journeys },
        errorElement: <RouteError />,
        lazy: async () => ({
          Component: (await import('./journey-list-route')).JourneyListRoute,
        }),
      },
      {
        path: 'journeys/:journeyId',
        // The editor has its own header with the way back: the journey gets the whole window.
        // It names the tab after the journey itself.
        handle: { fullScreen: true },
        errorElement: <RouteError />,
        lazy: async () => ({
          Component: (await import('./editor-route')).EditorRoute,
        }),
      },
      {
        path: 'profiles',
        handle: { title: TITLES.profiles },
        errorElement: <RouteError />,
        lazy: async () => {
          const [{ ProfilesPage }, english] = await Promise.all([
            import('../features/profiles/profiles-page'),
            pageMessages(),
          ]);
          return { Component: withPageMessages(ProfilesPage, english) };
        },
      },
      {
        path: 'profiles/:setId',
        handle: { title: TITLES.profiles },
        errorElement: <RouteError />,
        lazy: async () => {
          const [{ ProfileSetPage }, english] = await Promise.all([
            import('../features/profiles/set-view/profile-set-page'),
            pageMessages(),
          ]);
          return { Component: withPageMessages(ProfileSetPage, english) };
        },
      },
      {
        path: 'profiles/:setId/:profileId',
        handle: { title: TITLES.profiles },
        errorElement: <RouteError />,
        lazy: async () => {
          const [{ ProfileRoute }, english] = await Promise.all([
            import('./profile-route'),
            pageMessages(),
          ]);
          return { Component: withPageMessages(ProfileRoute, english) };
        },
      },
      {
        path: 'simulations',
        handle: { title: TITLES.simulations },
        errorElement: <RouteError />,
        lazy: async () => {
          const [{ SimulationsPage }, english] = await Promise.all([
            import('../features/simulation/simulations-page'),
            pageMessages(),
          ]);
          return { Component: withPageMessages(SimulationsPage, english) };
        },
      },
      {
        path: 'simulations/forecast',
        handle: { title: TITLES.forecast },
        errorElement: <RouteError />,
        lazy: async () => {
          const [{ ForecastPage }, english, { withResultMessages }] = await Promise.all([
            import('../features/forecast/forecast-page'),
            pageMessages(),
            import('../i18n/with-result-messages.tsx'), // its sends chart is a result's
          ]);
          return { Component: withPageMessages(withResultMessages(ForecastPage), english) };
        },
      },
      {
        path: 'customer-value',
        handle: { title: TITLES.customerValue },
        errorElement: <RouteError />,
        lazy: async () => {
          const [{ CustomerValuePage }, english] = await Promise.all([
            import('../features/forecast/clv/customer-value-page'),
            pageMessages(),
          ]);
          return { Component: withPageMessages(CustomerValuePage, english) };
        },
      },
      {
        path: 'lifecycle',
        handle: { title: TITLES.lifecycle },
        errorElement: <RouteError />,
        lazy: async () => {
          const [{ LifecyclePage }, english] = await Promise.all([
            import('../features/lifecycle/lifecycle-page'),
            pageMessages(),
          ]);
          return { Component: withPageMessages(LifecyclePage, english) };
        },
      },
      { path: '*', handle: { title: TITLES.notFound }, element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
