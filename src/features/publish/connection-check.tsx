import { useState } from 'react';
import { clampTimeoutSeconds, DEFAULT_BASE_URL } from '../../api/backend-settings.ts';
import { checkConnection, type ConnectionCheck } from '../../api/check-connection.ts';
import { API_VERSION } from '../../api/executor-contract.ts';

/** The check's answer in words: reachable, which API version, token accepted. */
export function describeCheck(check: ConnectionCheck): { ok: boolean; lines: string[] } {
  if (!check.reachable)
    return {
      ok: false,
      lines: [
        check.reason === 'timeout'
          ? 'Not reachable: no answer within the time-out.'
          : 'Not reachable: check the URL and that the backend is running (and allows this page’s origin).',
      ],
    };
  if (check.apiVersion === null)
    return {
      ok: false,
      lines: [
        check.reason === 'no-health'
          ? 'Reachable, but it has no /health route: it does not look like a Wayfinder backend.'
          : 'Reachable, but its /health answer is not a Wayfinder backend’s.',
      ],
    };
  const version = check.compatible
    ? `Speaks API ${check.apiVersion} (this app speaks ${API_VERSION}).`
    : `Speaks API ${check.apiVersion}, which this app (API ${API_VERSION}) does not: publishing may fail.`;
  const token = !check.tokenRequired
    ? 'No token needed.'
    : check.tokenAccepted
      ? 'Token accepted.'
      : 'Token refused: enter the backend’s access token.';
  const clock = check.clock === 'test' ? ['Runs on a test clock (demo or test backend).'] : [];
  return {
    ok: check.compatible && (!check.tokenRequired || check.tokenAccepted),
    lines: ['Reachable.', version, token, ...clock],
  };
}

/** Checks the settings as typed (before saving) against the backend's /health. */
export function ConnectionCheckButton({
  baseUrl,
  token,
  timeoutSeconds,
}: {
  baseUrl: string;
  token: string;
  timeoutSeconds: number;
}) {
  const [state, setState] = useState<
    { status: 'idle' } | { status: 'checking' } | { status: 'done'; ok: boolean; lines: string[] }
  >({ status: 'idle' });
  async function run() {
    setState({ status: 'checking' });
    const check = await checkConnection({
      baseUrl: baseUrl.trim() || DEFAULT_BASE_URL,
      token,
      timeoutMs: clampTimeoutSeconds(timeoutSeconds) * 1000,
    });
    setState({ status: 'done', ...describeCheck(check) });
  }
  return (
    <div className="connection-check">
      <button
        type="button"
        className="btn"
        disabled={state.status === 'checking'}
        onClick={() => void run()}
      >
        Check connection
      </button>
      <div role="status" className="connection-check__result">
        {state.status === 'checking' && 'Checking…'}
        {state.status === 'done' && (
          <ul className={state.ok ? 'connection-check--ok' : 'connection-check--problem'}>
            {state.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
