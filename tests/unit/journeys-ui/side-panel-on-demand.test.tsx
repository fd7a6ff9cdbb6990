// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../../src/domain/index.ts';
import { useDatabaseForTests } from '../../../src/storage/app-storage.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { saveJourney } from '../../../src/storage/journey-documents.ts';
import { editorPageAt } from '../../support/editor-page.tsx';

beforeEach(async () => {
  localStorage.clear();
  useDatabaseForTests(openWayfinderDb(`side-panel-on-demand-${Math.random()}`));
  const found = TEMPLATES.find((t) => t.id === 'welcome-series');
  if (found === undefined) throw new Error('no template');
  await saveJourney({ ...found.build(Date.UTC(2026, 0, 2)), id: 'j1', name: 'Welcome series' });
});

describe('the side panel’s parts, loaded on demand', () => {
  it('open with focus inside them, the first time as after', async () => {
    const user = userEvent.setup();
    render(editorPageAt('j1') as ReactNode);
    const side = await screen.findByRole('complementary', { name: 'Step and journey settings' });
    expect(
      await within(side).findByRole('heading', { level: 2, name: 'Journey settings' }),
    ).toBeVisible();

    await user.click(screen.getByRole('link', { name: 'Skip to the problems' }));
    expect(await within(side).findByRole('region', { name: 'Problems' })).toBeVisible();
    await waitFor(() => expect(side).toContainElement(document.activeElement as HTMLElement));

    await user.click(screen.getByRole('link', { name: 'Skip to the settings' }));
    await waitFor(() => expect(within(side).getByRole('textbox', { name: 'Name' })).toHaveFocus());
  });
});
