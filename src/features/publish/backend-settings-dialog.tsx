import { useId, useState } from 'react';
import {
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_SECONDS,
  getBackendSettings,
  saveBackendSettings,
} from '../../api/backend-settings.ts';
import { Dialog } from '../../ui/dialog.tsx';
import { ConnectionCheckButton } from './connection-check.tsx';
import './publish.css';

function BackendSettingsForm({ onDone }: { onDone: () => void }) {
  const initial = getBackendSettings();
  const [baseUrl, setBaseUrl] = useState(initial.baseUrl);
  const [token, setToken] = useState(initial.token);
  const [remember, setRemember] = useState(initial.remember);
  const [timeoutSeconds, setTimeoutSeconds] = useState(String(initial.timeoutSeconds));
  const urlId = useId();
  const timeoutId = useId();
  const tokenId = useId();
  const tokenHint = useId();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        saveBackendSettings({ baseUrl, token, remember, timeoutSeconds: Number(timeoutSeconds) });
        onDone();
      }}
    >
      <div className="field">
        <label htmlFor={urlId}>Backend URL</label>
        <input
          id={urlId}
          // Not type="url": the default "/api" is a path, which URL inputs refuse.
          type="text"
          inputMode="url"
          value={baseUrl}
          placeholder={DEFAULT_BASE_URL}
          onChange={(e) => setBaseUrl(e.target.value)}
        />
        <span className="field-hint">{DEFAULT_BASE_URL} is the built-in mock backend.</span>
      </div>
      <div className="field">
        <label htmlFor={tokenId}>Access token</label>
        <input
          id={tokenId}
          type="password"
          autoComplete="off"
          value={token}
          aria-describedby={tokenHint}
          onChange={(e) => setToken(e.target.value)}
        />
        <span id={tokenHint} className="field-hint">
          Kept for this browser session only, unless you tick the box below. It is never saved with
          journeys or put in exported files.
        </span>
      </div>
      <div className="field">
        <label htmlFor={timeoutId}>Request time-out (seconds)</label>
        <input
          id={timeoutId}
          type="number"
          min={1}
          max={600}
          step={1}
          value={timeoutSeconds}
          onChange={(e) => setTimeoutSeconds(e.target.value)}
        />
        <span className="field-hint">
          A request with no answer after this long stops with a message. Default{' '}
          {DEFAULT_TIMEOUT_SECONDS} s.
        </span>
      </div>
      <label className="backend-settings__remember">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        Remember on this device
      </label>
      <ConnectionCheckButton
        baseUrl={baseUrl}
        token={token}
        timeoutSeconds={Number(timeoutSeconds)}
      />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary">
          Save
        </button>
      </div>
    </form>
  );
}

/** Where to publish: the backend's URL, an access token and the request time-out. */
export function BackendSettingsDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Backend settings">
      {open && <BackendSettingsForm onDone={() => onOpenChange(false)} />}
    </Dialog>
  );
}

/** A button that opens the backend settings. */
export function BackendSettingsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)}>
        Backend settings
      </button>
      <BackendSettingsDialog open={open} onOpenChange={setOpen} />
    </>
  );
}
