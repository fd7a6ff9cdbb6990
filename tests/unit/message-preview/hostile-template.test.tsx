// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/domain/index.ts';
import { MessagePreview } from '../../../src/features/editor/inspector/message-preview/message-preview.tsx';

const ANN: Profile = {
  id: 'p1',
  attributes: { name: 'Ann', consent: {}, tags: [], custom: {} },
  events: [],
};
/** About 312 million turns of an empty loop: far past the render budget on any machine. */
const NESTED_LOOPS =
  '{% assign r = (1..50) %}{% for a in r %}{% for b in r %}{% for c in r %}{% for d in r %}{% for e in r %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}';

describe('MessagePreview of a hostile template', () => {
  it('stops a runaway body and says it was too slow, still showing the subject', async () => {
    render(
      <MessagePreview
        kind="email"
        config={{
          subject: 'Hi {{ profile.name }}',
          preheader: '',
          body: NESTED_LOOPS,
          from: 'a@example.com',
          templateName: '',
        }}
        profiles={[ANN]}
        profileSetName="Demo customers"
        triggerEvent="signed_up"
        journey={{ id: 'j', name: 'J', unsubscribeUrl: 'https://example.test/u' }}
      />,
    );
    const problems = await screen.findByRole('list', { name: 'Cannot render' });
    expect(within(problems).getByRole('listitem')).toHaveTextContent(
      'body took too long to render and was stopped (loops inside loops?).',
    );
    expect(screen.getByLabelText('Inbox line')).toHaveTextContent('Hi Ann');
  });
});
