import { nonGsmCharacters, smsParts, type RenderedMessage } from '../../../../domain/index.ts';
import { renderedText } from './rendered-text.ts';

/** The text as a phone shows it, with the encoding and the number of parts it is billed as. */
export function SmsPreview({ rendered }: { rendered: RenderedMessage }) {
  const text = renderedText(rendered['text']);
  const parts = smsParts(text);
  const forcing = nonGsmCharacters(text);
  return (
    <div className="preview-sms">
      <p className="preview-sms-bubble">{text === '' ? '(empty)' : text}</p>
      <dl className="preview-facts" aria-label="SMS encoding">
        <div>
          <dt>Encoding</dt>
          <dd>{parts.encoding}</dd>
        </div>
        <div>
          <dt>Parts</dt>
          <dd>{parts.parts}</dd>
        </div>
        <div>
          <dt>Characters</dt>
          <dd>
            {parts.characters} ({parts.parts <= 1 ? parts.single : parts.perPart} per part)
          </dd>
        </div>
      </dl>
      {forcing.length > 0 && (
        <p className="field-hint">UCS-2 because of: {forcing.slice(0, 8).join(' ')}</p>
      )}
    </div>
  );
}
