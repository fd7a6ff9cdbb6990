// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { validate, type JourneyStep } from '../../../src/domain/index.ts';
import { journeyOf } from '../../../src/domain/conformance/case-builder.ts';
import { StepInspector } from '../../../src/features/editor/inspector/step-inspector.tsx';
import { controlled } from '../inspector/controlled.tsx';

const START = {
  subject: 'Hello',
  preheader: '',
  body: 'Hi. Unsubscribe: {{ journey.unsubscribe_url }}',
  from: '',
  templateName: '',
};

/** The inspector of one email step with the validator's live diagnostics, as the editor shows it. */
function LiveEmail({
  config,
  onChange,
}: {
  config: Record<string, unknown>;
  onChange(c: Record<string, unknown>): void;
}) {
  const doc = journeyOf('j', 'J', [['e', 'email', config]], []);
  const step = doc.steps[0] as JourneyStep;
  const diagnostics = validate(doc).filter(
    (d) => d.stepId === 'e' && d.code.startsWith('template'),
  );
  return (
    <StepInspector
      step={step}
      diagnostics={diagnostics}
      onChangeConfig={onChange}
      onChangeLabel={vi.fn()}
      onDelete={vi.fn()}
    />
  );
}

describe('live template warnings in the inspector', () => {
  it('shows a misspelt field with the suggestion beside the field, and clears it when fixed', async () => {
    const user = userEvent.setup();
    const config = controlled<Record<string, unknown>>(START);
    render(
      <config.Harness
        render={(value, onChange) => <LiveEmail config={value} onChange={onChange} />}
      />,
    );
    const subject = screen.getByRole('textbox', { name: 'Subject' });
    await user.clear(subject);
    await user.click(subject);
    await user.paste('Hi {{ profile.nmae }}');
    const problems = screen.getByRole('list', { name: 'Problems with this step' });
    // The path and the suggestion are marked as code in the list; plain beside the field.
    expect(within(problems).getByText('profile.name', { selector: 'code' })).toBeVisible();
    expect(problems).toHaveTextContent('did you mean profile.name?');
    expect(subject).toHaveAccessibleDescription(
      expect.stringContaining('did you mean profile.name?'),
    );

    await user.clear(subject);
    await user.paste('Hi {{ profile.name | default: "there" }}');
    expect(screen.queryByRole('list', { name: 'Problems with this step' })).not.toBeInTheDocument();
  });

  it('marks a broken tag as an error with its line and column', async () => {
    const user = userEvent.setup();
    const config = controlled<Record<string, unknown>>(START);
    render(
      <config.Harness
        render={(value, onChange) => <LiveEmail config={value} onChange={onChange} />}
      />,
    );
    const subject = screen.getByRole('textbox', { name: 'Subject' });
    await user.clear(subject);
    await user.click(subject);
    await user.paste('Hi {% if %}');
    expect(subject).toHaveAttribute('aria-invalid', 'true');
    expect(subject).toHaveAccessibleDescription(expect.stringContaining('line 1, column 9'));
  });
});
