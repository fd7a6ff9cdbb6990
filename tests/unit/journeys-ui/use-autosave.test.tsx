// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJourney, type JourneyDocument } from '../../../src/domain/index.ts';
import { createEditorStore, type EditorStore } from '../../../src/editor/index.ts';
import { AUTOSAVE_DELAY_MS, useAutosave } from '../../../src/features/editor/use-autosave.ts';

function setup(save: (doc: JourneyDocument) => Promise<void>) {
  const store = createEditorStore(createJourney('Autosaved', Date.UTC(2026, 0, 1), () => 'j1'));
  const hook = renderHook(() => useAutosave(store, save));
  return { store, hook };
}

const rename = (store: EditorStore, name: string) =>
  act(() => void store.dispatch('updateJourneyMeta', { name }));
const advance = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

describe('useAutosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is saved after the delay following a change, and says so', async () => {
    const save = vi.fn((_doc: JourneyDocument) => Promise.resolve());
    const { store, hook } = setup(save);
    expect(hook.result.current.status).toBe('saved');

    await rename(store, 'Renamed');
    expect(hook.result.current.status).toBe('saving');
    await advance(AUTOSAVE_DELAY_MS - 1);
    expect(save).not.toHaveBeenCalled();
    await advance(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]?.[0]).toMatchObject({ id: 'j1', name: 'Renamed' });
    expect(hook.result.current.status).toBe('saved');
  });

  it('stamps the saved copy with the time it was saved', async () => {
    vi.setSystemTime(Date.UTC(2026, 4, 1, 12));
    const save = vi.fn((doc: JourneyDocument) => {
      expect(doc.updatedAt).toBe(
        new Date(Date.UTC(2026, 4, 1, 12) + AUTOSAVE_DELAY_MS).toISOString(),
      );
      return Promise.resolve();
    });
    const { store } = setup(save);
    await rename(store, 'Stamped');
    await advance(AUTOSAVE_DELAY_MS);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves several quick changes once, with the last of them', async () => {
    const save = vi.fn((_doc: JourneyDocument) => Promise.resolve());
    const { store } = setup(save);
    for (const name of ['W', 'We', 'Wel', 'Welcome']) {
      await rename(store, name);
      await advance(AUTOSAVE_DELAY_MS / 2);
    }
    expect(save).not.toHaveBeenCalled();
    await advance(AUTOSAVE_DELAY_MS);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]?.[0]).toMatchObject({ name: 'Welcome' });
  });

  it('writes at once when the page is hidden, and not again afterwards', async () => {
    const save = vi.fn((_doc: JourneyDocument) => Promise.resolve());
    const { store, hook } = setup(save);
    await rename(store, 'Leaving');
    await act(async () => {
      window.dispatchEvent(new Event('pagehide'));
      await Promise.resolve();
    });
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]?.[0]).toMatchObject({ name: 'Leaving' });
    await advance(AUTOSAVE_DELAY_MS * 2);
    expect(save).toHaveBeenCalledTimes(1);
    expect(hook.result.current.status).toBe('saved');
  });

  it('does nothing when nothing changed', async () => {
    const save = vi.fn((_doc: JourneyDocument) => Promise.resolve());
    setup(save);
    await act(async () => {
      window.dispatchEvent(new Event('pagehide'));
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    });
    expect(save).not.toHaveBeenCalled();
  });

  it('shows the error when a save fails, and recovers on the next good save', async () => {
    const save = vi
      .fn<(doc: JourneyDocument) => Promise<void>>()
      .mockRejectedValueOnce(new Error('QuotaExceededError: the disk is full'))
      .mockResolvedValue(undefined);
    const { store, hook } = setup(save);
    await rename(store, 'Too big');
    await advance(AUTOSAVE_DELAY_MS);
    expect(hook.result.current).toEqual({
      status: 'error',
      message: 'QuotaExceededError: the disk is full',
    });
    await rename(store, 'Smaller');
    await advance(AUTOSAVE_DELAY_MS);
    expect(save).toHaveBeenCalledTimes(2);
    expect(hook.result.current.status).toBe('saved');
  });

  it('retries a failed write when the page is hidden, even without another change', async () => {
    const save = vi
      .fn<(doc: JourneyDocument) => Promise<void>>()
      .mockRejectedValueOnce(new Error('busy'))
      .mockResolvedValue(undefined);
    const { store, hook } = setup(save);
    await rename(store, 'Keep me');
    await advance(AUTOSAVE_DELAY_MS);
    expect(hook.result.current.status).toBe('error');
    await act(async () => {
      window.dispatchEvent(new Event('pagehide'));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1]?.[0]).toMatchObject({ name: 'Keep me' });
    expect(hook.result.current.status).toBe('saved');
  });

  it('flushes a pending change when the editor closes', async () => {
    const save = vi.fn((_doc: JourneyDocument) => Promise.resolve());
    const { store, hook } = setup(save);
    await rename(store, 'Closing');
    await act(async () => {
      hook.unmount();
      await Promise.resolve();
    });
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]?.[0]).toMatchObject({ name: 'Closing' });
  });
});
