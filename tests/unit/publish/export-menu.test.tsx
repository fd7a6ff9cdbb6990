// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen } from '@testing-library/react';
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
});
