import { useState } from 'react';
import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl';
import { clampTimeoutSeconds, DEFAULT_BASE_URL } from '../../api/backend-settings.ts';
import { checkConnection, type ConnectionCheck } from '../../api/check-connection.ts';
import { API_VERSION } from '../../api/executor-contract.ts';

const M = defineMessages({
  unreachable: { id: 'publish.connection.unreachable' },
  timeout: { id: 'publish.connection.timeout' },
  noHealth: { id: 'publish.connection.noHealth' },
  serverError: { id: 'publish.connection.serverError' },
  notExecutor: { id: 'publish.connection.notExecutor' },
  reachable: { id: 'publish.connection.reachable' },
  compatible: { id: 'publish.connection.compatible' },
  incompatible: { id: 'publish.connection.incompatible' },
  noToken: { id: 'publish.connection.noToken' },
  tokenAccepted: { id: 'publish.connection.tokenAccepted' },
  tokenRefused: { id: 'publish.connection.tokenRefused' },
  clockTest: { id: 'publish.connection.clockTest' },
});

type Line = { message: MessageDescriptor; values?: Record<string, string> };

/** The check's answer as lines to say: reachable, which API version, token accepted. */
export function describeCheck(check: ConnectionCheck): { ok: boolean; lines: Line[] } {
  if (!check.reachable)
    return {
      ok: false,
      lines: [{ message: check.reason === 'timeout' ? M.timeout : M.unreachable }],
    };
  if (check.apiVersion === null && check.reason === 'server-error')
    return {
      ok: false,
      lines: [{ message: M.serverError, values: { status: String(check.status) } }],
    };
  if (check.apiVersion === null)
    return {
      ok: false,
      lines: [{ message: check.reason === 'no-health' ? M.noHealth : M.notExecutor }],
    };
  const versions = { version: check.apiVersion, ours: API_VERSION };
  const token = !check.tokenRequired
    ? M.noToken
    : check.tokenAccepted
      ? M.tokenAccepted
      : M.tokenRefused;
  return {
    ok: check.compatible && (!check.tokenRequired || check.tokenAccepted),
    lines: [
      { message: M.reachable },
      { message: check.compatible ? M.compatible : M.incompatible, values: versions },
      { message: token },
      ...(check.clock === 'test' ? [{ message: M.clockTest }] : []),
    ],
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
  const intl = useIntl();
  const [state, setState] = useState<
    { status: 'idle' } | { status: 'checking' } | { status: 'done'; ok: boolean; lines: Line[] }
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
        <FormattedMessage id="publish.connection.check" />
      </button>
      <div role="status" className="connection-check__result">
        {state.status === 'checking' && <FormattedMessage id="publish.connection.checking" />}
        {state.status === 'done' && (
          <ul className={state.ok ? 'connection-check--ok' : 'connection-check--problem'}>
            {state.lines.map((line) => (
              <li key={line.message.id}>{intl.formatMessage(line.message, line.values)}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
