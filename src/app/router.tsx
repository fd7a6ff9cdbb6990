import { createBrowserRouter } from 'react-router';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';

/** Routes are lazy so the canvas (React Flow) and charts load only where they are used. */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppLayout />,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('./journey-list-route')).JourneyListRoute,
        }),
      },
      {
        path: 'journeys/:journeyId',
        lazy: async () => ({
          Component: (await import('./editor-route')).EditorRoute,
        }),
      },
      {
        path: 'profiles',
        lazy: async () => ({
          Component: (await import('../features/profiles/profiles-page')).ProfilesPage,
        }),
      },
      {
        path: 'profiles/:setId',
        lazy: async () => ({
          Component: (await import('../features/profiles/set-view/profile-set-page'))
            .ProfileSetPage,
        }),
      },
      {
        path: 'profiles/:setId/:profileId',
        lazy: async () => ({
          Component: (await import('./profile-route')).ProfileRoute,
        }),
      },
      {
        path: 'simulations',
        lazy: async () => ({
          Component: (await import('../features/simulation/simulations-page')).SimulationsPage,
        }),
      },
      {
        path: 'simulations/forecast',
        lazy: async () => ({
          Component: (await import('../features/forecast/forecast-page')).ForecastPage,
        }),
      },
      {
        path: 'customer-value',
        lazy: async () => ({
          Component: (await import('../features/forecast/clv/customer-value-page'))
            .CustomerValuePage,
        }),
      },
      {
        path: 'lifecycle',
        lazy: async () => ({
          Component: (await import('../features/lifecycle/lifecycle-page')).LifecyclePage,
        }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
