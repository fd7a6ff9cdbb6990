// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { STEP_DEFINITIONS, type Diagnostic, type JourneyStep } from '../../../src/domain/index.ts';
import { StepInspector } from '../../../src/features/editor/inspector/step-inspector.tsx';
import { controlled } from './controlled.tsx';

const HOSTILE = '<img src=x onerror=alert(1)>';

function emailStep(label = 'Welcome email'): JourneyStep {
  return {
    id: 's1',
    kind: 'email',
    label,
    config: { ...STEP_DEFINITIONS.email.defaultConfig(), subject: 'Hello' },
    position: { x: 0, y: 0 },
  };
}

describe('StepInspector', () => {
  it('shows the kind, the name, the step’s problems and its config form', () => {
    const diagnostics: Diagnostic[] = [
      {
        severity: 'warning',
        code: 'unreachable-step',
        message: 'Nobody can reach "Welcome": no trigger leads to it.',
        params: { step: 'Welcome' },
        stepId: 's1',
      },
      {
        severity: 'error',
        code: 'message-without-content',
        message: 'Write the email or choose a template.',
        params: { what: 'email' },
        stepId: 's1',
        field: 'body',
      },
    ];
    render(
      <StepInspector
        step={emailStep()}
        diagnostics={diagnostics}
        onChangeConfig={vi.fn()}
        onChangeLabel={vi.fn()}
        onDelete={vi.fn()}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Welcome email' })).toBeInTheDocument();
    expect(screen.getByText('Email · Actions')).toBeInTheDocument();
    const problems = screen.getByRole('list', { name: 'Problems with this step' });
    const items = within(problems).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Error');
    expect(items[1]).toHaveTextContent('Nobody can reach "Welcome": no trigger leads to it.');
    expect(screen.getByRole('textbox', { name: 'Subject' })).toHaveValue('Hello');
    const body = screen.getByRole('textbox', { name: 'Body' });
    expect(body).toHaveAttribute('aria-invalid', 'true');
    expect(body).toHaveAccessibleDescription('Write the email or choose a template.');
  });

  it('emits label and config edits and deletes', async () => {
    const user = userEvent.setup();
    const onDelete = vi.fn();
    const config = controlled<Record<string, unknown>>(emailStep().config);
    const label = controlled<string>('Welcome email');
    render(
      <label.Harness
        render={(name, onChangeLabel) => (
          <config.Harness
            render={(value, onChangeConfig) => (
              <StepInspector
                step={{ ...emailStep(name), config: value }}
                diagnostics={[]}
                onChangeConfig={onChangeConfig}
                onChangeLabel={onChangeLabel}
                onDelete={onDelete}
              />
            )}
          />
        )}
      />,
    );
    await user.clear(screen.getByRole('textbox', { name: 'Step name' }));
    await user.type(screen.getByRole('textbox', { name: 'Step name' }), 'Hi there');
    expect(label.last()).toBe('Hi there');
    await user.type(screen.getByRole('textbox', { name: 'Body' }), 'Thanks for joining');
    expect(config.last()).toMatchObject({ subject: 'Hello', body: 'Thanks for joining' });
    await user.click(screen.getByRole('button', { name: 'Delete step' }));
    expect(onDelete).toHaveBeenCalledTimes(1);
  });

  it('renders hostile text in labels and config as text', () => {
    const step = emailStep(HOSTILE);
    step.config = { ...step.config, subject: HOSTILE };
    render(
      <StepInspector
        step={step}
        diagnostics={[
          {
            severity: 'error',
            code: 'unreachable-step',
            message: HOSTILE,
            params: { step: HOSTILE },
            stepId: 's1',
          },
        ]}
        onChangeConfig={vi.fn()}
        onChangeLabel={vi.fn()}
        onDelete={vi.fn()}
      />,
    );
    expect(screen.getByRole('heading', { name: HOSTILE })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Subject' })).toHaveValue(HOSTILE);
    expect(document.querySelector('img')).toBeNull();
  });

  it('says so for a kind this version does not know', () => {
    render(
      <StepInspector
        step={{ id: 's9', kind: 'teleport', label: '', config: {}, position: { x: 0, y: 0 } }}
        diagnostics={[]}
        onChangeConfig={vi.fn()}
        onChangeLabel={vi.fn()}
        onDelete={vi.fn()}
      />,
    );
    expect(screen.getByText(/not known to this version/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete step' })).toBeInTheDocument();
  });
});
