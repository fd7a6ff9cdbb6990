import type { RenderedMessage } from '../../../../domain/index.ts';
import { emailDocument } from './email-document.ts';
import { renderedText } from './rendered-text.ts';

/** The email as an inbox lists it (sender, subject, preheader), then its body in a sealed frame. */
export function EmailPreview({ rendered, from }: { rendered: RenderedMessage; from: string }) {
  const subject = renderedText(rendered['subject']);
  const preheader = renderedText(rendered['preheader']);
  const body = renderedText(rendered['body']);
  return (
    <div className="preview-email">
      <div className="preview-inbox-line" aria-label="Inbox line">
        <span className="preview-from">{from.trim() === '' ? 'Your brand' : from}</span>
        <span className="preview-subject">{subject === '' ? '(no subject)' : subject}</span>
        {preheader !== '' && <span className="preview-preheader"> — {preheader}</span>}
      </div>
      <iframe
        className="preview-email-body"
        title="Email body"
        sandbox=""
        referrerPolicy="no-referrer"
        srcDoc={emailDocument(body)}
      />
    </div>
  );
}
