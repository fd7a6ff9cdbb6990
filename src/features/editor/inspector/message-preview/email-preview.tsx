import { useIntl } from 'react-intl';
import type { RenderedMessage } from '../../../../domain/index.ts';
import { emailDocument } from './email-document.ts';
import { renderedText } from './rendered-text.ts';

/** The email as an inbox lists it (sender, subject, preheader), then its body in a sealed frame. */
export function EmailPreview({ rendered, from }: { rendered: RenderedMessage; from: string }) {
  const intl = useIntl();
  const subject = renderedText(rendered['subject']);
  const preheader = renderedText(rendered['preheader']);
  const body = renderedText(rendered['body']);
  return (
    <div className="preview-email">
      <div
        className="preview-inbox-line"
        aria-label={intl.formatMessage({ id: 'editor.email-preview.inboxLine' })}
      >
        <span className="preview-from">
          {from.trim() === '' ? intl.formatMessage({ id: 'editor.email-preview.yourBrand' }) : from}
        </span>
        <span className="preview-subject">
          {subject === '' ? intl.formatMessage({ id: 'editor.email-preview.noSubject' }) : subject}
        </span>
        {preheader !== '' && <span className="preview-preheader"> — {preheader}</span>}
      </div>
      <iframe
        className="preview-email-body"
        title={intl.formatMessage({ id: 'editor.email-preview.emailBody' })}
        sandbox=""
        referrerPolicy="no-referrer"
        srcDoc={emailDocument(body)}
      />
    </div>
  );
}
