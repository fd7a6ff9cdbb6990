import { FormattedMessage, useIntl } from 'react-intl';
import { useId, useState } from 'react';
import {
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_SECONDS,
  getBackendSettings,
  saveBackendSettings,
} from '../../api/backend-settings.ts';
import { Dialog, type DialogOpenProps } from '../../ui/dialog.tsx';
import { FormField } from '../../ui/form-field.tsx';
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
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        saveBackendSettings({ baseUrl, token, remember, timeoutSeconds: Number(timeoutSeconds) });
        onDone();
      }}
    >
      <FormField
        id={urlId}
        label={<FormattedMessage id="publish.backend-settings-dialog.backendUrl" />}
        hint={
          <>
            {DEFAULT_BASE_URL}{' '}
            <FormattedMessage id="publish.backend-settings-dialog.isTheBuiltInMock" />
          </>
        }
      >
        <input
          id={urlId}
          // Not type="url": the default "/api" is a path, which URL inputs refuse.
          type="text"
          inputMode="url"
          value={baseUrl}
          placeholder={DEFAULT_BASE_URL}
          onChange={(e) => setBaseUrl(e.target.value)}
        />
      </FormField>
      <FormField
        id={tokenId}
        label={<FormattedMessage id="publish.backend-settings-dialog.accessToken" />}
        hint={<FormattedMessage id="publish.backend-settings-dialog.keptForThisBrowserSession" />}
      >
        <input
          id={tokenId}
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(e.target.value)}
        />
      </FormField>
      <FormField
        id={timeoutId}
        label={<FormattedMessage id="publish.backend-settings-dialog.requestTimeOutSeconds" />}
        hint={
          <FormattedMessage
            id="publish.backend-settings-dialog.aRequestWithNoAnswerStops"
            values={{ seconds: DEFAULT_TIMEOUT_SECONDS }}
          />
        }
      >
        <input
          id={timeoutId}
          type="number"
          min={1}
          max={600}
          step={1}
          value={timeoutSeconds}
          onChange={(e) => setTimeoutSeconds(e.target.value)}
        />
      </FormField>
      <label className="backend-settings__remember">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        <FormattedMessage id="publish.backend-settings-dialog.rememberOnThisDevice" />
      </label>
      <ConnectionCheckButton
        baseUrl={baseUrl}
        token={token}
        timeoutSeconds={Number(timeoutSeconds)}
      />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onDone}>
          <FormattedMessage id="publish.backend-settings-dialog.cancel" />
        </button>
        <button type="submit" className="btn btn-primary">
          <FormattedMessage id="publish.backend-settings-dialog.save" />
        </button>
      </div>
    </form>
  );
}

/** Where to publish: the backend's URL, an access token and the request time-out. */
export function BackendSettingsDialog({ open, onOpenChange }: DialogOpenProps) {
  const intl = useIntl();
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={intl.formatMessage({ id: 'publish.backend-settings-dialog.backendSettings' })}
    >
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
        <FormattedMessage id="publish.backend-settings-dialog.backendSettings" />
      </button>
      <BackendSettingsDialog open={open} onOpenChange={setOpen} />
    </>
  );
}
