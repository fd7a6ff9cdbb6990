// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../../../src/domain/index.ts';
import { ProblemsList } from '../../../src/features/editor/problems/problems-list.tsx';

const diagnostics: Diagnostic[] = [
  {
    severity: 'warning',
    code: 'long-sms',
    message: 'The text is long.',
    params: { characters: 200, encoding: 'GSM-7', parts: 2 },
    stepId: 's2',
    field: 'text',
  },
  {
    severity: 'error',
    code: 'required-field',
    message: 'Write a subject line.',
    params: { what: 'subject', n: 0 },
    stepId: 's1',
    field: 'subject',
  },
  { severity: 'error', code: 'no-trigger', message: 'Add a trigger.', params: {} },
];

describe('ProblemsList', () => {
  it('summarises and lists errors before warnings with the step label', () => {
    render(
      <ProblemsList
        diagnostics={diagnostics}
        stepLabels={{ s1: 'Welcome', s2: 'Reminder' }}
        onSelect={vi.fn()}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('2 errors, 1 warning');
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual([
      'ErrorWelcomeWrite a subject line.',
      'ErrorJourneyAdd a trigger: the journey has no way in.',
      'WarningReminderThe text is 200 characters in GSM-7 and will be sent as 2 parts.',
    ]);
    expect(
      within(
        screen.getByRole('heading', { name: 'Errors' }).parentElement as HTMLElement,
      ).getAllByRole('button'),
    ).toHaveLength(2);
  });

  it('calls onSelect with the step and field of the chosen problem', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(
      <ProblemsList
        diagnostics={diagnostics}
        stepLabels={{ s1: 'Welcome', s2: 'Reminder' }}
        onSelect={onSelect}
      />,
    );
    await user.click(screen.getByRole('button', { name: /Write a subject line/ }));
    expect(onSelect).toHaveBeenCalledWith('s1', 'subject');
    screen.getByRole('button', { name: /The text is 200 characters/ }).focus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('s2', 'text');
  });

  it('says "No problems" when there are none', () => {
    render(<ProblemsList diagnostics={[]} stepLabels={{}} onSelect={vi.fn()} />);
    expect(screen.getByRole('status')).toHaveTextContent('No problems');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows hostile step labels and messages as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    render(
      <ProblemsList
        diagnostics={[
          {
            severity: 'error',
            code: 'unreachable-step',
            message: hostile,
            params: { step: hostile },
            stepId: 's1',
          },
        ]}
        stepLabels={{ s1: hostile }}
        onSelect={vi.fn()}
      />,
    );
    expect(screen.getByRole('button')).toHaveTextContent(
      `Error${hostile}Nobody can reach "${hostile}": no trigger leads to it.`,
    );
    expect(document.querySelector('img')).toBeNull();
  });
});
