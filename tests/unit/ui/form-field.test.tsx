// @vitest-environment jsdom
import '../../setup/dom-setup';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormField } from '../../../src/ui/form-field.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('FormField', () => {
  it('has its control described by its hint, with nothing wired by hand', () => {
    render(
      <FormField id="days" label="Days" hint="From 1 to 3,650.">
        <input id="days" type="number" />
      </FormField>,
    );
    expect(screen.getByRole('spinbutton', { name: 'Days' })).toHaveAccessibleDescription(
      'From 1 to 3,650.',
    );
  });

  it('keeps a description the control already has, and adds the hint after it', () => {
    render(
      <>
        <p id="days-note">Counted from the start date.</p>
        <FormField id="days" label="Days" hint="From 1 to 3,650.">
          <input id="days" type="number" aria-describedby="days-note" />
        </FormField>
      </>,
    );
    expect(screen.getByRole('spinbutton', { name: 'Days' })).toHaveAccessibleDescription(
      'Counted from the start date. From 1 to 3,650.',
    );
  });

  it('describes only the control it names, not the other children', () => {
    render(
      <FormField id="url" label="URL" hint="Where the backend answers.">
        <input id="url" />
        <button type="button">Paste</button>
      </FormField>,
    );
    expect(screen.getByRole('textbox', { name: 'URL' })).toHaveAccessibleDescription(
      'Where the backend answers.',
    );
    expect(screen.getByRole('button', { name: 'Paste' })).not.toHaveAttribute('aria-describedby');
  });

  it('warns in development when its hint describes nothing, its control not being a direct child', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    render(
      <FormField id="days" label="Days" hint="From 1 to 3,650.">
        <div>
          <input id="days" type="number" />
        </div>
      </FormField>,
    );
    expect(screen.getByRole('spinbutton', { name: 'Days' })).not.toHaveAttribute(
      'aria-describedby',
    );
    expect(warn).toHaveBeenCalled();
  });

  it('does not warn when its hint describes its control', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    render(
      <FormField id="days" label="Days" hint="From 1 to 3,650.">
        <input id="days" type="number" />
      </FormField>,
    );
    expect(warn).not.toHaveBeenCalled();
  });

  it('gives a control without a hint no description', () => {
    render(
      <FormField id="seed" label="Seed">
        <input id="seed" />
      </FormField>,
    );
    expect(screen.getByRole('textbox', { name: 'Seed' })).not.toHaveAttribute('aria-describedby');
  });
});
