// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  journeySettingsSchema,
  type Diagnostic,
  type JourneyDocument,
  type JourneySettings,
} from '../../../src/domain/index.ts';
import {
  SettingsPanel,
  type JourneyMeta,
} from '../../../src/features/editor/inspector/settings-panel.tsx';
import { controlled } from './controlled.tsx';

function doc(settings: JourneySettings, meta: JourneyMeta): JourneyDocument {
  return {
    schemaVersion: 1,
    id: 'j1',
    ...meta,
    steps: [],
    connections: [],
    settings,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
}

function renderPanel(diagnostics: Diagnostic[] = []) {
  const settings = controlled<JourneySettings>(defaultSettings());
  const meta = controlled<JourneyMeta>({
    name: 'Welcome',
    description: '',
    lifecycleStage: 'none',
  });
  render(
    <meta.Harness
      render={(m, onChangeMeta) => (
        <settings.Harness
          render={(s, onChangeSettings) => (
            <SettingsPanel
              document={doc(s, m)}
              diagnostics={diagnostics}
              onChangeMeta={onChangeMeta}
              onChangeSettings={onChangeSettings}
              suggestions={{ attributes: [], events: ['order_placed'] }}
            />
          )}
        />
      )}
    />,
  );
  return { settings, meta };
}

describe('SettingsPanel', () => {
  it('edits name, description and lifecycle stage', async () => {
    const user = userEvent.setup();
    const { meta } = renderPanel();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), ' series');
    await user.type(screen.getByRole('textbox', { name: 'Description' }), 'New sign-ups');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Lifecycle stage' }),
      'first_contact',
    );
    expect(meta.last()).toEqual({
      name: 'Welcome series',
      description: 'New sign-ups',
      lifecycleStage: 'first_contact',
    });
  });

  it('sets re-entry after a cool-down with its days', async () => {
    const user = userEvent.setup();
    const { settings } = renderPanel();
    expect(screen.queryByRole('spinbutton', { name: 'Cool-down (days)' })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Re-entry' }), 'after_cooldown');
    const days = screen.getByRole('spinbutton', { name: 'Cool-down (days)' });
    await user.clear(days);
    await user.type(days, '14');
    expect(settings.last()?.entry).toEqual({
      reentry: 'after_cooldown',
      cooldownDays: 14,
      maxActivePerProfile: 1,
    });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Re-entry' }), 'never');
    expect(settings.last()?.entry).toEqual({ reentry: 'never', maxActivePerProfile: 1 });
  });

  it('adds, fills and removes a goal', async () => {
    const user = userEvent.setup();
    const { settings } = renderPanel();
    await user.click(screen.getByRole('button', { name: '+ Add goal' }));
    const event = screen.getByRole('combobox', { name: 'Goal event' });
    expect(event).toHaveAccessibleDescription('Choose an event.');
    await user.type(event, 'order_placed');
    expect(event).not.toHaveAttribute('aria-invalid');
    const window = screen.getByRole('spinbutton', { name: 'Counts within (days after entry)' });
    await user.clear(window);
    await user.type(window, '30');
    await user.click(screen.getByRole('checkbox', { name: 'Reaching the goal ends the journey' }));
    expect(settings.last()?.goal).toEqual({
      event: 'order_placed',
      propertyFilters: [],
      windowDays: 30,
      endsJourney: false,
    });
    await user.click(screen.getByRole('button', { name: 'Remove goal' }));
    expect(settings.last()?.goal).toBeNull();
  });

  it('adds exit events with property filters', async () => {
    const user = userEvent.setup();
    const { settings } = renderPanel();
    await user.click(screen.getByRole('button', { name: '+ Add exit event' }));
    await user.type(screen.getByRole('combobox', { name: 'Exit event 1' }), 'unsubscribed');
    await user.click(screen.getByRole('button', { name: '+ Add filter' }));
    await user.type(screen.getByRole('textbox', { name: 'Filter 1 property' }), 'list');
    await user.type(screen.getByRole('textbox', { name: 'Filter 1 value' }), 'all');
    expect(settings.last()?.exitCriteria).toEqual([
      {
        event: 'unsubscribed',
        propertyFilters: [{ property: 'list', operator: 'equals', value: 'all' }],
      },
    ]);
  });

  it('sets a frequency cap overall and per channel, and quiet hours', async () => {
    const user = userEvent.setup();
    const { settings } = renderPanel();
    await user.click(
      screen.getByRole('checkbox', { name: 'Limit how many messages a person gets' }),
    );
    const max = screen.getByRole('spinbutton', { name: 'At most (messages)' });
    await user.clear(max);
    await user.type(max, '5');
    await user.click(screen.getByRole('checkbox', { name: 'Limit SMS separately' }));
    const smsMax = screen.getByRole('spinbutton', { name: 'SMS: at most (messages)' });
    await user.clear(smsMax);
    await user.type(smsMax, '2');
    await user.click(screen.getByRole('checkbox', { name: 'Do not send during quiet hours' }));
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Messages due in quiet hours' }),
      'drop',
    );
    const last = journeySettingsSchema.parse(settings.last());
    expect(last.frequencyCap).toEqual({
      enabled: true,
      max: 5,
      periodDays: 7,
      perChannel: { sms: { max: 2, periodDays: 7 } },
    });
    expect(last.quietHours).toEqual({
      enabled: true,
      start: '21:00',
      end: '08:00',
      behaviour: 'drop',
    });
  });

  it('searches and picks a time zone, and sets the control group', async () => {
    const user = userEvent.setup();
    const { settings } = renderPanel();
    await user.type(screen.getByRole('searchbox', { name: 'Search time zones' }), 'berl');
    const select = screen.getByRole('combobox', { name: 'Default time zone' });
    const values = [...(select as HTMLSelectElement).options].map((o) => o.value);
    expect(values).toEqual(['UTC', 'Europe/Berlin']);
    // Named by its place under its region: whole names are wider than the panel.
    expect(
      within(within(select).getByRole('group', { name: 'Europe' })).getByRole('option', {
        name: 'Berlin',
      }),
    ).toHaveValue('Europe/Berlin');
    await user.selectOptions(select, 'Europe/Berlin');
    expect(settings.last()?.defaultTimeZone).toBe('Europe/Berlin');
    const control = screen.getByRole('spinbutton', { name: 'Control group (%)' });
    await user.clear(control);
    await user.type(control, '60');
    expect(control).toHaveAttribute('aria-invalid', 'true');
    expect(control).toHaveAccessibleDescription(expect.stringContaining('Must be at most 50.'));
    await user.clear(control);
    await user.type(control, '10');
    expect(control).not.toHaveAttribute('aria-invalid');
    expect(settings.last()?.controlGroupPercent).toBe(10);
  });

  it('shows settings diagnostics beside their field', async () => {
    const user = userEvent.setup();
    renderPanel([
      {
        severity: 'warning',
        code: 'empty-quiet-hours',
        message: 'Quiet hours start and end at the same time, so they never apply.',
        params: {},
        field: 'settings.quietHours.end',
      },
    ]);
    expect(screen.getByRole('list', { name: 'Problems with the settings' })).toHaveTextContent(
      'Quiet hours start and end at the same time, so they never apply.',
    );
    await user.click(screen.getByRole('checkbox', { name: 'Do not send during quiet hours' }));
    expect(screen.getByLabelText('Until')).toHaveAccessibleDescription(
      'Quiet hours start and end at the same time, so they never apply.',
    );
  });
});
