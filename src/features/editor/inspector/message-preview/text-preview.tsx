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
  return (
    <dl className="preview-text">
      {Object.keys(rendered).map((field) => (
        <div key={field}>
          <dt>{LABELS[field] ?? field}</dt>
          <dd>{renderedText(rendered[field]) || '(empty)'}</dd>
        </div>
      ))}
    </dl>
  );
}
