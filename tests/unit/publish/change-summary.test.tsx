// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChangeSummary } from '../../../src/features/publish/change-summary';

describe('ChangeSummary', () => {
  it('names each step’s kind as the palette does, not by its stored identifier', () => {
    render(
      <ChangeSummary
        since={null}
        diff={{
          added: [
            { id: 'w', label: 'Order within 2 hours?', kind: 'wait_for_event' },
            { id: 'c', label: 'Can we text them?', kind: 'if_else' },
          ],
          removed: [],
          changed: [],
          settingsChanged: [],
          journeyChanged: [],
        }}
      />,
    );
    const items = within(screen.getByRole('list', { name: 'Steps added' })).getAllByRole(
      'listitem',
    );
    expect(items.map((item) => item.textContent)).toEqual([
      'Order within 2 hours? Wait for event',
      'Can we text them? If / else',
    ]);
  });
});
