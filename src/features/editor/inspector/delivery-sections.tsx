import { FormattedMessage, useIntl } from 'react-intl';
import { CHANNELS, type Channel, type JourneySettings } from '../../../domain/index.ts';
import { CheckboxField } from '../../../ui/schema-form/checkbox-field.tsx';
import { NumberField } from '../../../ui/schema-form/number-field.tsx';
import { SelectField } from '../../../ui/schema-form/select-field.tsx';
import { TextField } from '../../../ui/schema-form/text-field.tsx';
import { requiredNumber, type SectionProps } from './settings-fields.ts';
import { capFieldLabel, channelCapToggleLabel } from './settings-words.ts';

type Cap = { max: number; periodDays: number };

interface CapFieldsProps {
  path: string;
  /** The channel this cap is for; absent for the cap over every channel. */
  channel?: Channel;
  cap: Cap;
  field: SectionProps['field'];
  onChange(cap: Cap): void;
}

/** "At most N messages per D days". */
function CapFields({ path, channel, cap, field, onChange }: CapFieldsProps) {
  const intl = useIntl();
  return (
    <div className="settings-row">
      <NumberField
        {...field(`${path}.max`)}
        label={capFieldLabel(intl, 'max', channel)}
        integer
        min={1}
        value={cap.max}
        onChange={(max) => onChange({ ...cap, max: requiredNumber(max) })}
      />
      <NumberField
        {...field(`${path}.periodDays`)}
        label={capFieldLabel(intl, 'periodDays', channel)}
        min={1}
        value={cap.periodDays}
        onChange={(d) => onChange({ ...cap, periodDays: requiredNumber(d) })}
      />
    </div>
  );
}

/** At most N messages per period, overall and per channel. */
export function FrequencySection({ settings, onChange, field }: SectionProps) {
  const intl = useIntl();
  const cap = settings.frequencyCap;
  const setCap = (next: Partial<JourneySettings['frequencyCap']>) =>
    onChange({ ...settings, frequencyCap: { ...cap, ...next } });
  const setChannel = (channel: Channel, value: Cap | undefined) => {
    const perChannel = { ...cap.perChannel };
    if (value === undefined) delete perChannel[channel];
    else perChannel[channel] = value;
    setCap({ perChannel });
  };
  return (
    <fieldset className="settings-section">
      <legend>
        <FormattedMessage id="editor.delivery-sections.frequencyCap" />
      </legend>
      <CheckboxField
        {...field('frequencyCap.enabled')}
        label={intl.formatMessage({ id: 'editor.delivery-sections.limitHowManyMessagesA' })}
        checked={cap.enabled}
        onChange={(enabled) => setCap({ enabled })}
      />
      {cap.enabled && (
        <>
          <CapFields
            path="frequencyCap"
            cap={cap}
            field={field}
            onChange={(next) => setCap(next)}
          />
          <fieldset className="settings-section">
            <legend>
              <FormattedMessage id="editor.delivery-sections.perChannel" />
            </legend>
            {CHANNELS.map((channel) => {
              const own = cap.perChannel[channel];
              const path = `frequencyCap.perChannel.${channel}`;
              return (
                <div key={channel}>
                  <CheckboxField
                    {...field(`${path}.on`)}
                    label={channelCapToggleLabel(intl, channel)}
                    checked={own !== undefined}
                    onChange={(on) =>
                      setChannel(channel, on ? { max: 1, periodDays: 7 } : undefined)
                    }
                  />
                  {own !== undefined && (
                    <CapFields
                      path={path}
                      channel={channel}
                      cap={own}
                      field={field}
                      onChange={(next) => setChannel(channel, next)}
                    />
                  )}
                </div>
              );
            })}
          </fieldset>
        </>
      )}
    </fieldset>
  );
}

const BEHAVIOURS = ['defer', 'drop'] as const;

/** Hours in each person's time zone when nothing is sent. */
export function QuietHoursSection({ settings, onChange, field }: SectionProps) {
  const intl = useIntl();
  const quiet = settings.quietHours;
  const set = (next: Partial<JourneySettings['quietHours']>) =>
    onChange({ ...settings, quietHours: { ...quiet, ...next } });
  return (
    <fieldset className="settings-section">
      <legend>
        <FormattedMessage id="editor.delivery-sections.quietHours" />
      </legend>
      <CheckboxField
        {...field('quietHours.enabled')}
        label={intl.formatMessage({ id: 'editor.delivery-sections.doNotSendDuringQuiet' })}
        checked={quiet.enabled}
        onChange={(enabled) => set({ enabled })}
      />
      {quiet.enabled && (
        <>
          <div className="settings-row">
            <TextField
              {...field('quietHours.start')}
              label={intl.formatMessage({ id: 'editor.delivery-sections.from' })}
              type="time"
              value={quiet.start}
              onChange={(start) => set({ start })}
            />
            <TextField
              {...field('quietHours.end')}
              label={intl.formatMessage({ id: 'editor.delivery-sections.until' })}
              type="time"
              value={quiet.end}
              onChange={(end) => set({ end })}
            />
          </div>
          <SelectField
            {...field('quietHours.behaviour')}
            label={intl.formatMessage({ id: 'editor.delivery-sections.messagesDueInQuietHours' })}
            value={quiet.behaviour}
            options={BEHAVIOURS.map((value) => ({
              value,
              label: intl.formatMessage(
                { id: 'editor.delivery-sections.quietBehaviour' },
                { behaviour: value },
              ),
            }))}
            onChange={(b) => set({ behaviour: b as JourneySettings['quietHours']['behaviour'] })}
          />
        </>
      )}
    </fieldset>
  );
}

/** Frequency cap and quiet hours together. */
export function DeliverySections(props: SectionProps) {
  return (
    <>
      <FrequencySection {...props} />
      <QuietHoursSection {...props} />
    </>
  );
}
