import { useIntl } from 'react-intl';
import type { RenderedMessage } from '../../../../domain/index.ts';
import { renderedText } from './rendered-text.ts';

const LABELS: Record<string, string> = {
  title: 'Title',
  body: 'Message',
  'button.label': 'Button',
  bodyTemplate: 'Request body',
  script: 'Script',
  offer: 'Offer',
  question: 'Question',
};

/** Rendered fields of the other channels, one block each. */
export function TextPreview({ rendered }: { rendered: RenderedMessage }) {
  const intl = useIntl();
  return (
    <dl className="preview-text">
      {Object.keys(rendered).map((field) => (
        <div key={field}>
          <dt>{LABELS[field] ?? field}</dt>
          <dd>
            {renderedText(rendered[field]) ||
              intl.formatMessage({ id: 'editor.text-preview.empty' })}
          </dd>
        </div>
      ))}
    </dl>
  );
}
