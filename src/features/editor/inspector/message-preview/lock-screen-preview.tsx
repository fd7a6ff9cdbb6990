import { FormattedMessage, useIntl } from 'react-intl';
import { lockScreenPush, type RenderedMessage } from '../../../../domain/index.ts';
import { renderedText } from './rendered-text.ts';

/** The notification as a lock screen shows it: title on one line, body cut after a few lines. */
export function LockScreenPreview({
  rendered,
  appName,
}: {
  rendered: RenderedMessage;
  appName: string;
}) {
  const intl = useIntl();
  const shown = lockScreenPush(renderedText(rendered['title']), renderedText(rendered['body']));
  return (
    <div
      className="preview-lock-screen"
      role="figure"
      aria-label={intl.formatMessage({ id: 'editor.lock-screen-preview.lockScreen' })}
    >
      <div className="preview-notification">
        <div className="preview-notification-app">
          <span aria-hidden="true" className="preview-app-icon" />
          <FormattedMessage id="editor.lock-screen-preview.appNow" values={{ app: appName }} />
        </div>
        {shown.title.text !== '' && (
          <div className="preview-notification-title">{shown.title.text}</div>
        )}
        <div className="preview-notification-body">{shown.body.text}</div>
      </div>
      {(shown.title.truncated || shown.body.truncated) && (
        <p className="preview-note">
          <FormattedMessage id="editor.lock-screen-preview.cutToFitTheLock" />
        </p>
      )}
    </div>
  );
}
