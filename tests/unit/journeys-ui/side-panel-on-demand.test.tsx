// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TEMPLATES } from '../../../src/domain/index.ts';
import { useDatabaseForTests } from '../../../src/storage/app-storage.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { saveJourney } from '../../../src/storage/journey-documents.ts';
import { editorPageAt } from '../../support/editor-page.tsx';

// The problems list's code arrives only when a test lets it (as over a slow network).
const problemsCode = vi.hoisted(() => {
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  return { arrived, arrive };
});
vi.mock('../../../src/features/editor/problems/problems-list.tsx', async (importOriginal) => {
  await problemsCode.arrived;
  return importOriginal();
});

const nextFrames = (count: number) =>
  new Promise<void>((resolve) => {
    const step = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
    step(count);
  });

beforeEach(async () => {
  localStorage.clear();
  useDatabaseForTests(openWayfinderDb(`side-panel-on-demand-${Math.random()}`));
  const found = TEMPLATES.find((t) => t.id === 'welcome-series');
  if (found === undefined) throw new Error('no template');
  const journey = found.build(Date.UTC(2026, 0, 2));
  const wait = journey.steps.find((s) => s.kind === 'delay');
  if (wait === undefined) throw new Error('no wait step');
  // A step nothing leads to: the problems list has a problem to focus.
  const unreached = { ...wait, id: 'unreached', position: { x: 900, y: 900 } };
  await saveJourney({
    ...journey,
    steps: [...journey.steps, unreached],
    id: 'j1',
    name: 'Welcome series',
  });
});

describe('the side panel’s parts, loaded on demand', () => {
  // First: the problems list's code has not arrived yet.
  it('leave focus where the user moved it while a part was still arriving', async () => {
    const user = userEvent.setup();
    render(editorPageAt('j1') as ReactNode);
    const side = await screen.findByRole('complementary', { name: 'Step and journey settings' });
    expect(await within(side).findByRole('textbox', { name: 'Name' })).toBeVisible();

    await user.click(screen.getByRole('link', { name: 'Skip to the problems' }));
    await nextFrames(2);
    const settingsTab = within(side).getByRole('tab', { name: 'Journey settings' });
    await user.click(settingsTab);
    expect(await within(side).findByRole('textbox', { name: 'Name' })).toBeVisible();
    await nextFrames(30);
    expect(settingsTab).toHaveFocus();
  });

  it('open with focus inside them, the first time as after', async () => {
    const user = userEvent.setup();
    render(editorPageAt('j1') as ReactNode);
    const side = await screen.findByRole('complementary', { name: 'Step and journey settings' });
    expect(
      await within(side).findByRole('heading', { level: 2, name: 'Journey settings' }),
    ).toBeVisible();

    await user.click(screen.getByRole('link', { name: 'Skip to the problems' }));
    await nextFrames(20); // longer than a tab takes to draw
    problemsCode.arrive();
    const problems = await within(side).findByRole('region', { name: 'Problems' });
    await waitFor(() => expect(within(problems).getAllByRole('button')[0]).toHaveFocus());

    await user.click(screen.getByRole('link', { name: 'Skip to the settings' }));
    await waitFor(() => expect(within(side).getByRole('textbox', { name: 'Name' })).toHaveFocus());
  });
});
