/** True where the MSW mock backend runs: the dev server (unless switched off) and demo builds. */
export const mockBackendEnabled =
  import.meta.env.VITE_MOCK_BACKEND === 'on' ||
  (import.meta.env.DEV && import.meta.env.VITE_MOCK_BACKEND !== 'off');

export async function startMockBackend(): Promise<void> {
  if (!mockBackendEnabled) return;
  const { worker } = await import('../../mocks/browser');
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
}
