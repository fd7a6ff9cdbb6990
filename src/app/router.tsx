import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { RouteError } from './route-error';

/**
 * Routes are lazy so the canvas (React Flow) and charts load only where they are used. Every
 * page has its own error element, drawn inside the layout: a page that fails leaves the header
 * and the way back.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    // The layout's own failure; a page's failure is caught by its route below, inside the layout.
    errorElement: <RouteError />,
    children: [
      {
        index: true,
        errorElement: <RouteError />,
        lazy: async () => ({
          Component: (await import('./journey-list-route')).JourneyListRoute,
        }),
      },
      {
        path: 'journeys/:journeyId',
        // The editor has its own header with the way back: the journey gets the whole window.
        handle: { fullScreen: true },
        errorElement: <RouteError />,
        lazy: async () => ({
          Component: (await import('./editor-route')).EditorRoute,
        }),
      },
      {
        path: 'profiles',
        errorElement: <RouteError />,
        lazy: async () => ({
          Component: (await import('../features/profiles/profiles-page')).ProfilesPage,
        }),
      },
      {
        path: 'profiles/:setId',
        errorElement: <RouteError />,
        lazy: async () => ({
          Component: (await import('../features/profiles/set-view/profile-set-page'))
            .ProfileSetPage,
        }),
      },
      {
        path: 'profiles/:setId/:profileId',
        errorElement: <RouteError />,
        lazy: async () => ({
          Component: (await import('./profile-route')).ProfileRoute,
        }),
      },
      {
        path: 'simulations',
        errorElement: <RouteError />,
        lazy: async () => ({
          Component: (await import('../features/simulation/simulations-page')).SimulationsPage,
        }),
      },
      {
        path: 'simulations/forecast',
        errorElement: <RouteError />,
        lazy: async () => ({
          Component: (await import('../features/forecast/forecast-page')).ForecastPage,
        }),
      },
      {
        path: 'customer-value',
        errorElement: <RouteError />,
        lazy: async () => ({
          Component: (await import('../features/forecast/clv/customer-value-page'))
            .CustomerValuePage,
        }),
      },
      {
        path: 'lifecycle',
        errorElement: <RouteError />,
        lazy: async () => ({
          Component: (await import('../features/lifecycle/lifecycle-page')).LifecyclePage,
        }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
