// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { ProfilePage } from '../../../src/features/profiles/profile-view/profile-page.tsx';
import { ProfileSetPage } from '../../../src/features/profiles/set-view/profile-set-page.tsx';
import { inFrench } from '../../support/in-french.tsx';
import { withLayoutViewport } from '../../support/layout-viewport.ts';
import { testServices, withServices } from './services.tsx';

withLayoutViewport();

const ANN: Profile = {
  id: 'p1',
  attributes: {
    name: 'Ann Lee',
    birthday: '1990-07-01',
    signupDate: '2026-03-14',
    consent: {},
    tags: [],
    custom: {},
  },
  events: [{ name: 'order_placed', at: Date.UTC(2026, 2, 14, 9, 5), props: {} }],
};

const ROUTES = [
  { path: '/profiles/:setId', element: <ProfileSetPage /> },
  { path: '/profiles/:setId/:profileId', element: <ProfilePage /> },
];

/** Renders Ann's set page (or her own page, given `profile`) in English or in French. */
async function renderPage(language: 'en' | 'fr', profile = '') {
  const services = testServices();
  const set = await services.repo.createProfileSet({ name: 'Dated', source: 'manual' });
  await services.repo.importIntoSet(set.id, [ANN], { mode: 'replace' });
  const ui: ReactNode = withServices(services, ROUTES, `/profiles/${set.id}${profile}`);
  if (language === 'fr') inFrench(ui);
  else render(ui);
}

const NO_ISO = /\d{4}-\d{2}-\d{2}/;

describe('dates on the profile pages', () => {
  it('are written in English in the set’s table', async () => {
    await renderPage('en');
    const row = (await screen.findByRole('link', { name: 'p1' })).closest(
      '[role=row]',
    ) as HTMLElement;
    expect(within(row).getByText('Mar 14, 2026')).toBeVisible();
    expect(within(row).getByText(/^Mar 14, 2026, 9:05\sAM UTC$/)).toBeVisible();
    expect(row.textContent).not.toMatch(NO_ISO);
  });

  it('are written in French in the set’s table', async () => {
    await renderPage('fr');
    const row = (await screen.findByRole('link', { name: 'p1' })).closest(
      '[role=row]',
    ) as HTMLElement;
    expect(within(row).getByText('14 mars 2026')).toBeVisible();
    expect(within(row).getByText(/^14 mars 2026,? (à )?09:05\sUTC$/)).toBeVisible();
    expect(row.textContent).not.toMatch(NO_ISO);
  });

  it('are written in English on a profile’s page, attributes and timeline', async () => {
    await renderPage('en', '/p1');
    await screen.findByRole('heading', { level: 1, name: 'Ann Lee' });
    expect(screen.getByText('Jul 1, 1990')).toBeVisible();
    expect(screen.getByText('Mar 14, 2026')).toBeVisible();
    const timeline = screen.getByRole('list', { name: 'Event timeline' });
    expect(within(timeline).getByText(/^Mar 14, 2026, 9:05\sAM UTC$/)).toBeVisible();
    expect(document.querySelector('main, body')?.textContent).not.toMatch(NO_ISO);
  });

  it('are written in French on a profile’s page, attributes and timeline', async () => {
    await renderPage('fr', '/p1');
    await screen.findByRole('heading', { level: 1, name: 'Ann Lee' });
    expect(screen.getByText('1 juil. 1990')).toBeVisible();
    expect(screen.getByText('14 mars 2026')).toBeVisible();
    const timeline = screen.getByRole('list', { name: /chronologie/i });
    expect(within(timeline).getByText(/^14 mars 2026,? (à )?09:05\sUTC$/)).toBeVisible();
    expect(document.body.textContent).not.toMatch(NO_ISO);
  });
});
