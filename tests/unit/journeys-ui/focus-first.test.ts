// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  focusFirstIn,
  PART_LOADING_ATTRIBUTE as LOADING,
} from '../../../src/features/editor/layout/focus-first.ts';

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
    ref.current.innerHTML = `<section ${LOADING}>Loading the settings…</section>`;
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

  it('focuses nothing drawn beside a part still arriving, only the part once it is there', async () => {
    const ref = panel();
    ref.current.innerHTML = `<section ${LOADING}>Loading…</section><input aria-label="Audience" />`;
    focusFirstIn(ref, firstField);
    await nextFrames(20);
    expect(document.activeElement).toBe(document.body);
    ref.current.innerHTML = '<input aria-label="Step name" /><input aria-label="Audience" />';
    await waitFor(() => expect(ref.current.querySelector('input')).toHaveFocus());
  });

  it('does not wait on something else busy in the panel (a count being made)', async () => {
    const ref = panel();
    ref.current.innerHTML = '<p aria-busy="true">Counting…</p>';
    focusFirstIn(ref, firstField);
    await nextFrames(20);
    expect(ref.current).toHaveFocus();
  });

  it('gives up when the user moves focus elsewhere while the part arrives', async () => {
    const ref = panel();
    const tab = document.createElement('button');
    document.body.append(tab);
    ref.current.innerHTML = `<section ${LOADING}>Loading…</section>`;
    focusFirstIn(ref, firstField);
    await nextFrames(2);
    tab.focus();
    ref.current.innerHTML = '<input aria-label="Step name" />';
    await nextFrames(20);
    expect(tab).toHaveFocus();
  });

  it('keeps waiting when focus only dropped to the page', async () => {
    const ref = panel();
    const problem = document.createElement('button');
    ref.current.append(problem);
    problem.focus();
    focusFirstIn(ref, firstField);
    ref.current.innerHTML = `<section ${LOADING}>Loading…</section>`;
    await nextFrames(15);
    ref.current.innerHTML = '<input aria-label="Step name" />';
    await waitFor(() => expect(ref.current.querySelector('input')).toHaveFocus());
  });

  it('keeps waiting when focus goes where the caller itself sent it meanwhile', async () => {
    const ref = panel();
    const step = document.createElement('button');
    document.body.append(step);
    ref.current.innerHTML = `<section ${LOADING}>Loading…</section>`;
    focusFirstIn(ref, firstField, { isCallersMove: (focused) => focused === step });
    await nextFrames(2);
    step.focus();
    await nextFrames(15);
    ref.current.innerHTML = '<input aria-label="Delay" />';
    await waitFor(() => expect(ref.current.querySelector('input')).toHaveFocus());
  });

  it('stops when cancelled (a newer request took over)', async () => {
    const ref = panel();
    ref.current.innerHTML = `<section ${LOADING}>Loading…</section>`;
    const cancel = focusFirstIn(ref, firstField);
    await nextFrames(2);
    cancel();
    ref.current.innerHTML = '<input aria-label="Step name" />';
    await nextFrames(20);
    expect(document.activeElement).toBe(document.body);
  });
});
