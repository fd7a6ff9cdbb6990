import { useMemo, useSyncExternalStore } from 'react';
import { type ApiClient, DEFAULT_TIMEOUT_MS } from './request.ts';

/** The backend the app publishes to. */
export interface BackendSettings {
  baseUrl: string;
  token: string;
  /** Keep the token on this device (localStorage) instead of for this browser session only. */
  remember: boolean;
  /** How long a request waits for the backend before giving up. */
  timeoutSeconds: number;
}

/** The time-out unless the user sets another: 30 s. */
export const DEFAULT_TIMEOUT_SECONDS = DEFAULT_TIMEOUT_MS / 1000;

/** A time-out the user typed, kept between 1 s and 10 minutes; the default for anything else. */
export function clampTimeoutSeconds(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || n <= 0) return DEFAULT_TIMEOUT_SECONDS;
  return Math.min(600, Math.max(1, Math.round(n)));
}

/** The mock backend that dev and demo builds serve. */
export const DEFAULT_BASE_URL = '/api';

const BASE_URL_KEY = 'wayfinder.backend.baseUrl';
const TOKEN_KEY = 'wayfinder.backend.token';
const TIMEOUT_KEY = 'wayfinder.backend.timeoutSeconds';

function storage(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window[kind];
  } catch {
    return undefined;
  }
}

function read(): BackendSettings {
  const local = storage('localStorage');
  const session = storage('sessionStorage');
  const remembered = local?.getItem(TOKEN_KEY) ?? null;
  return {
    baseUrl: local?.getItem(BASE_URL_KEY) || DEFAULT_BASE_URL,
    token: session?.getItem(TOKEN_KEY) ?? remembered ?? '',
    remember: remembered !== null,
    timeoutSeconds: clampTimeoutSeconds(local?.getItem(TIMEOUT_KEY) ?? DEFAULT_TIMEOUT_SECONDS),
  };
}

let snapshot: BackendSettings | undefined;
const listeners = new Set<() => void>();

/** The current settings (the same object until they change). */
export function getBackendSettings(): BackendSettings {
  snapshot ??= read();
  return snapshot;
}

/**
 * Saves the settings. The token goes to sessionStorage (gone when the browser session ends)
 * unless `remember` is set, and is removed from the other store so it never lingers.
 */
export function saveBackendSettings(
  next: Omit<BackendSettings, 'timeoutSeconds'> & { timeoutSeconds?: number },
): void {
  const local = storage('localStorage');
  const session = storage('sessionStorage');
  const baseUrl = next.baseUrl.trim() || DEFAULT_BASE_URL;
  if (baseUrl === DEFAULT_BASE_URL) local?.removeItem(BASE_URL_KEY);
  else local?.setItem(BASE_URL_KEY, baseUrl);
  const timeoutSeconds = clampTimeoutSeconds(next.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
  if (timeoutSeconds === DEFAULT_TIMEOUT_SECONDS) local?.removeItem(TIMEOUT_KEY);
  else local?.setItem(TIMEOUT_KEY, String(timeoutSeconds));
  const token = next.token.trim();
  local?.removeItem(TOKEN_KEY);
  session?.removeItem(TOKEN_KEY);
  if (token !== '') (next.remember ? local : session)?.setItem(TOKEN_KEY, token);
  snapshot = { baseUrl, token, remember: next.remember && token !== '', timeoutSeconds };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The backend settings, re-rendering when they are saved. */
export function useBackendSettings(): BackendSettings {
  return useSyncExternalStore(subscribe, getBackendSettings, getBackendSettings);
}

/** The client for the current settings. */
export function useApiClient(): ApiClient {
  const { baseUrl, token, timeoutSeconds } = useBackendSettings();
  return useMemo(
    () => ({ baseUrl, token, timeoutMs: timeoutSeconds * 1000 }),
    [baseUrl, token, timeoutSeconds],
  );
}
