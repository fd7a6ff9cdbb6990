// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { RouteError } from '../../../src/app/route-error.tsx';
import { routes } from '../../../src/app/router.tsx';

function Boom(): never {
  throw new Error('a stored record broke this page');
}

describe('route error boundaries', () => {
  it('shows a failed page in the layout with a way back, and the way back works', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const router = createMemoryRouter(
      [
        {
          path: '/',
          element: (
            <>
              <nav aria-label="Main">header</nav>
              <Outlet />
            </>
          ),
          children: [
            { index: true, element: <h1>Your journeys</h1>, errorElement: <RouteError /> },
            { path: 'broken', element: <Boom />, errorElement: <RouteError /> },
          ],
        },
      ],
      { initialEntries: ['/broken'] },
    );
    render(<RouterProvider router={router} />);
    expect(
      await screen.findByRole('heading', { name: 'This page could not be shown' }),
    ).toBeVisible();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeVisible();
    await userEvent.setup().click(screen.getByRole('link', { name: 'Back to your journeys' }));
    expect(await screen.findByRole('heading', { name: 'Your journeys' })).toBeVisible();
    quiet.mockRestore();
    warn.mockRestore();
  });

  it('tells a tab older than the last deploy, whose page code is gone, to reload: not that a page failed', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload });
    const router = createMemoryRouter(
      [
        {
          path: '/',
          errorElement: <RouteError />,
          lazy: () =>
            Promise.reject(
              new TypeError(
                'Failed to fetch dynamically imported module: http://localhost/assets/editor-route-1a2b3c.js',
              ),
            ),
        },
      ],
      { initialEntries: ['/'] },
    );
    render(<RouterProvider router={router} />);
    expect(
      await screen.findByRole('heading', { name: 'A newer version of Wayfinder is available' }),
    ).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent(/journeys and profiles are saved/);
    expect(screen.queryByText(/could not be read/)).not.toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Reload the page' }));
    expect(reload).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
    quiet.mockRestore();
    warn.mockRestore();
  });

  it('shows an ordinary TypeError as a failed page, not as a newer version', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const router = createMemoryRouter(
      [
        {
          path: '/',
          errorElement: <RouteError />,
          lazy: () =>
            Promise.reject(new TypeError("Cannot read properties of undefined (reading 'steps')")),
        },
      ],
      { initialEntries: ['/'] },
    );
    render(<RouterProvider router={router} />);
    expect(
      await screen.findByRole('heading', { name: 'This page could not be shown' }),
    ).toBeVisible();
    expect(
      screen.queryByRole('heading', { name: 'A newer version of Wayfinder is available' }),
    ).not.toBeInTheDocument();
    quiet.mockRestore();
    warn.mockRestore();
  });

  it('gives the app layout and every page of the app an error element', () => {
    const [root] = routes;
    expect(root?.errorElement).toBeDefined();
    const pages = (root?.children ?? []).filter((route) => route.path !== '*');
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) expect(page.errorElement, page.path ?? 'index').toBeDefined();
  });
});
