// @vitest-environment jsdom
import '../../setup/dom-setup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ProfilePage } from '../../../src/features/profiles/profile-view/profile-page.tsx';
import { ProfileSetPage } from '../../../src/features/profiles/set-view/profile-set-page.tsx';
import type { OnTableRows } from '../../../src/storage/profile-table-reader.ts';
import type { ProfileSetTable } from '../../../src/storage/profile-set-table.ts';
import { withLayoutViewport } from '../../support/layout-viewport.ts';
import { person, testServices, withServices } from './services.tsx';

const PEOPLE = [
  person('p1', 'Ann Lee', 'ann@example.com', 'pro', 3),
  person('p2', 'Bob Stone', 'bob@example.com', 'free', 0),
  person('p3', 'Cy Young', 'cy@shop.test', 'pro', 1),
  person('p4', 'Dee Ann Fox', 'dee@example.com', 'basic', 5),
  person('p5', 'Eve Moss', 'eve@shop.test', 'free', 2),
];

async function renderSet() {
  const services = testServices();
  const set = await services.repo.createProfileSet({ name: 'Test set', source: 'manual' });
  await services.repo.importIntoSet(set.id, PEOPLE, { mode: 'replace' });
  render(
    withServices(
      services,
      [
        { path: '/profiles/:setId', element: <ProfileSetPage /> },
        { path: '/profiles/:setId/:profileId', element: <ProfilePage /> },
      ],
      `/profiles/${set.id}`,
    ),
  );
  await screen.findByText('5 profiles', { selector: '[role=status]' });
  return services;
}

const ids = () =>
  within(screen.getByRole('table', { name: 'Profiles' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent);

withLayoutViewport();

describe('profile set page', () => {
  it('lists the profiles of the set in a table', async () => {
    await renderSet();
    expect(screen.getByRole('heading', { level: 1, name: 'Test set' })).toBeInTheDocument();
    expect(ids()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
  });

  it('shows the first stored chunk while the rest of a large set is read', async () => {
    const services = testServices();
    const set = await services.repo.createProfileSet({ name: 'Big set', source: 'manual' });
    const many = Array.from({ length: 2_500 }, (_, i) =>
      person(`p${i}`, `Person ${i}`, `p${i}@example.com`, 'free'),
    );
    await services.repo.importIntoSet(set.id, many, { mode: 'replace' });
    let finishRead: () => void = () => undefined;
    // The first chunk arrives; the rest waits until the test lets it.
    const slowRepo = {
      ...services.repo,
      readSetTable: (setId: string, onRows?: OnTableRows) =>
        new Promise<ProfileSetTable>((resolve) => {
          const whole = services.repo.readSetTable(setId, (table) => {
            if (table.count <= 1_000) onRows?.(table);
          });
          finishRead = () => resolve(whole);
        }),
    };
    render(
      withServices(
        { ...services, repo: slowRepo },
        [{ path: '/profiles/:setId', element: <ProfileSetPage /> }],
        `/profiles/${set.id}`,
      ),
    );
    await screen.findByText('Showing the first 1,000 of 2,500 profiles; reading the rest…');
    expect(ids()[0]).toBe('p0');
    expect(screen.getByRole('searchbox', { name: 'Search profiles' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'ID' })).toBeDisabled();
    finishRead();
    await screen.findByText('2,500 profiles', { selector: '[role=status]' });
    expect(screen.getByRole('searchbox', { name: 'Search profiles' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'ID' })).toBeEnabled();
  });

  it('draws only the rows in view, and the rows scrolled to', async () => {
    const services = testServices();
    const set = await services.repo.createProfileSet({ name: 'Big set', source: 'manual' });
    const many = Array.from({ length: 2_500 }, (_, i) =>
      person(`p${i}`, `Person ${i}`, `p${i}@example.com`, 'free'),
    );
    await services.repo.importIntoSet(set.id, many, { mode: 'replace' });
    render(
      withServices(
        services,
        [{ path: '/profiles/:setId', element: <ProfileSetPage /> }],
        `/profiles/${set.id}`,
      ),
    );
    await screen.findByText('2,500 profiles', { selector: '[role=status]' });
    const table = screen.getByRole('table', { name: 'Profiles' });
    expect(table).toHaveAttribute('aria-rowcount', '2501');
    // 600 px of 36 px rows and a dozen either side: a few dozen rows, not 2,500.
    expect(ids().length).toBeLessThan(60);
    expect(ids()[0]).toBe('p0');
    const body = screen.getByRole('rowgroup', { name: 'Profile rows, scrollable' });
    body.scrollTop = 2_000 * 36;
    fireEvent.scroll(body);
    expect(await screen.findByRole('link', { name: 'p2000' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'p0' })).not.toBeInTheDocument();
  });

  it('searches by name, email or id and counts the matches', async () => {
    const user = userEvent.setup();
    await renderSet();
    await user.type(screen.getByRole('searchbox', { name: 'Search profiles' }), 'ann');
    expect(await screen.findByText('2 of 5 match')).toBeInTheDocument();
    expect(ids()).toEqual(['p1', 'p4']);
    await user.clear(screen.getByRole('searchbox', { name: 'Search profiles' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search profiles' }), 'shop.test');
    expect(await screen.findByText('2 of 5 match')).toBeInTheDocument();
    expect(ids()).toEqual(['p3', 'p5']);
  });

  it('sorts by a column, descending on a second click', async () => {
    const user = userEvent.setup();
    await renderSet();
    await user.click(screen.getByRole('button', { name: 'Events' }));
    expect(screen.getByRole('columnheader', { name: /Events/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await waitFor(() => expect(ids()).toEqual(['p2', 'p3', 'p5', 'p1', 'p4']));
    await user.click(screen.getByRole('button', { name: /Events/ }));
    await waitFor(() => expect(ids()).toEqual(['p4', 'p1', 'p5', 'p3', 'p2']));
    expect(screen.getByRole('table', { name: 'Profiles' })).toHaveAttribute('aria-busy', 'false');
  });

  it('filters with the condition builder, counting with the domain evaluator', async () => {
    const user = userEvent.setup();
    await renderSet();
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    await user.click(screen.getByRole('button', { name: 'Add attribute rule' }));
    await user.type(screen.getByLabelText('Rule 1 attribute'), 'plan');
    await user.type(screen.getByLabelText('Rule 1 value'), 'pro');
    expect(await screen.findByText('2 of 5 match')).toBeInTheDocument();
    expect(ids()).toEqual(['p1', 'p3']);
    await user.type(screen.getByRole('searchbox', { name: 'Search profiles' }), 'cy');
    expect(await screen.findByText('1 of 5 match')).toBeInTheDocument();
    expect(ids()).toEqual(['p3']);
  });

  it('opens a profile with its attributes and event timeline', async () => {
    const user = userEvent.setup();
    await renderSet();
    await user.click(screen.getByRole('link', { name: 'p4' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Dee Ann Fox' }),
    ).toBeInTheDocument();
    expect(screen.getByText('dee@example.com')).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Event timeline' })).getAllByRole('listitem'),
    ).toHaveLength(5);
    expect(screen.getByText('5 events', { exact: false })).toBeInTheDocument();
  });
});
