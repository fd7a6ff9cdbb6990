import { FormattedMessage, useIntl } from 'react-intl';
import { nonGsmCharacters, smsParts, type RenderedMessage } from '../../../../domain/index.ts';
import { renderedText } from './rendered-text.ts';

/** The text as a phone shows it, with the encoding and the number of parts it is billed as. */
export function SmsPreview({ rendered }: { rendered: RenderedMessage }) {
  const intl = useIntl();
  const text = renderedText(rendered['text']);
  const parts = smsParts(text);
  const forcing = nonGsmCharacters(text);
  return (
    <div className="preview-sms">
      <p className="preview-sms-bubble">
        {text === '' ? intl.formatMessage({ id: 'editor.sms-preview.empty' }) : text}
      </p>
      <dl
        className="preview-facts"
        aria-label={intl.formatMessage({ id: 'editor.sms-preview.smsEncoding' })}
      >
        <div>
          <dt>
            <FormattedMessage id="editor.sms-preview.encoding" />
          </dt>
          <dd>{parts.encoding}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="editor.sms-preview.parts" />
          </dt>
          <dd>{parts.parts}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="editor.sms-preview.characters" />
          </dt>
          <dd>
            {parts.characters} ({parts.parts <= 1 ? parts.single : parts.perPart}{' '}
            <FormattedMessage id="editor.sms-preview.perPart" />
          </dd>
        </div>
      </dl>
      {forcing.length > 0 && (
        <p className="field-hint">
          <FormattedMessage
            id="editor.sms-preview.ucs2BecauseOf"
            values={{ characters: forcing.slice(0, 8).join(' ') }}
          />
        </p>
      )}
    </div>
  );
}
