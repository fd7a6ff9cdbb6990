// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { focusFirstIn } from '../../../src/features/editor/layout/focus-first.ts';

const nextFrames = (count: number) =>
  new Promise<void>((resolve) => {
    const step = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
    step(count);
  });

function panel() {
  const container = document.createElement('div');
  container.tabIndex = -1;
  document.body.append(container);
  return { current: container };
}

const firstField = (content: HTMLElement) => content.querySelector<HTMLElement>('input');

afterEach(() => document.body.replaceChildren());

describe('focusFirstIn', () => {
  it('waits for a part whose code is still arriving, then focuses its field', async () => {
    const ref = panel();
    ref.current.innerHTML = '<section aria-busy="true">Loading the settings…</section>';
    focusFirstIn(ref, firstField);
    await nextFrames(30); // longer than a tab switch takes to draw
    ref.current.innerHTML = '<section><input aria-label="Step name" /></section>';
    await waitFor(() => expect(document.activeElement).toBe(ref.current.querySelector('input')));
  });

  it('falls back to the panel itself when nothing is loading and no field comes', async () => {
    const ref = panel();
    ref.current.innerHTML = '<p>No settings</p>';
    focusFirstIn(ref, firstField);
    await waitFor(() => expect(document.activeElement).toBe(ref.current));
  });
});
