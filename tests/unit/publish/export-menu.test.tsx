// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ExportMenu } from '../../../src/features/publish/export-menu';
import { exportSpec } from '../../../src/features/publish/spec-export';
import { welcomeJourney } from './journeys';

describe('ExportMenu', () => {
  it('copies the compiled spec to the clipboard', async () => {
    const user = userEvent.setup();
    const doc = welcomeJourney();
    render(<ExportMenu document={doc} />);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Copy spec' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Spec copied to the clipboard.');
    const expected = exportSpec(doc);
    expect(await navigator.clipboard.readText()).toBe(expected.ok ? expected.text : '');
  });

  it('shows the spec document as text, headings as headings', async () => {
    const user = userEvent.setup();
    render(<ExportMenu document={welcomeJourney()} />);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Read the spec document' }));
    const dialog = await screen.findByRole('dialog', { name: 'The journey spec' });
    expect(
      screen.getByRole('heading', { name: '3.5 Publishing a new version' }),
    ).toBeInTheDocument();
    expect(dialog).toHaveTextContent('Profiles already inside a journey stay on the version');
  });

  it('gives focus back to Export when the spec document it opened from its menu closes', async () => {
    const user = userEvent.setup();
    render(<ExportMenu document={welcomeJourney()} />);
    const exportButton = screen.getByRole('button', { name: 'Export' });
    await user.click(exportButton);
    await user.click(await screen.findByRole('menuitem', { name: 'Read the spec document' }));
    await screen.findByRole('dialog', { name: 'The journey spec' });
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'The journey spec' })).not.toBeInTheDocument(),
    );
    await waitFor(() => expect(exportButton).toHaveFocus());
  });
});
