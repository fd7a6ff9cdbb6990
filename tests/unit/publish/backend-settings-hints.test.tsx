// @vitest-environment jsdom
import '../../setup/dom-setup';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendSettingsDialog } from '../../../src/features/publish/backend-settings-dialog';

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});

describe('Backend settings hints', () => {
  it('are read with the URL, token and time-out boxes', async () => {
    render(<BackendSettingsDialog open onOpenChange={() => undefined} />);
    // The dialog's frame loads on demand.
    const url = await screen.findByRole('textbox', { name: 'Backend URL' });
    expect(url).toHaveAccessibleDescription('/api is the built-in mock backend.');
    expect(screen.getByLabelText('Access token')).toHaveAccessibleDescription(
      'Kept for this browser session only, unless you tick the box below. It is never saved with journeys or put in exported files.',
    );
    expect(
      screen.getByRole('spinbutton', { name: 'Request time-out (seconds)' }),
    ).toHaveAccessibleDescription(
      'A request with no answer after this long stops with a message. Default 30 s.',
    );
  });
});
