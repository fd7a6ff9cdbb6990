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

  it('gives the app layout and every page of the app an error element', () => {
    const [root] = routes;
    expect(root?.errorElement).toBeDefined();
    const pages = (root?.children ?? []).filter((route) => route.path !== '*');
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) expect(page.errorElement, page.path ?? 'index').toBeDefined();
  });
});
