// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PanelErrorBoundary } from '../../../src/ui/panel-error-boundary.tsx';

function GoneChunk(): never {
  throw new TypeError(
    'Failed to fetch dynamically imported module: http://localhost/assets/simulation-panel-9f8e7d.js',
  );
}

describe('a panel whose code is gone after a deploy', () => {
  it('asks for a reload, which can help, instead of offering to try again, which cannot', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload });
    render(
      <PanelErrorBoundary label="The simulation panel">
        <GoneChunk />
      </PanelErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(/saved in this browser/);
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Reload the page' }));
    expect(reload).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
    quiet.mockRestore();
    warn.mockRestore();
  });

  it('still offers to try again after an ordinary TypeError, which trying again can mend', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let broken = true;
    function FlakyPanel() {
      if (broken) throw new TypeError("Cannot read properties of undefined (reading 'steps')");
      return <p>Panel content</p>;
    }
    render(
      <PanelErrorBoundary label="The simulation panel">
        <FlakyPanel />
      </PanelErrorBoundary>,
    );
    expect(screen.queryByRole('button', { name: 'Reload the page' })).not.toBeInTheDocument();
    broken = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Panel content')).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    quiet.mockRestore();
    warn.mockRestore();
  });
});
