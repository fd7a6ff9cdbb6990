import { CHANNEL_MESSAGES } from '../../i18n/domain-labels.ts';
import { defineMessages, FormattedMessage, type MessageDescriptor, useIntl } from 'react-intl';
import {
  DEFAULT_CHANNEL_BEHAVIOUR,
  type Channel,
  type ChannelBehaviour,
} from '../../domain/index.ts';

/** The assumptions the user changed, per channel; the rest are the defaults. */
export type BehaviourOverrides = Partial<Record<Channel, Partial<ChannelBehaviour>>>;

type RateField = 'deliveredRate' | 'openRate' | 'clickRate' | 'unsubscribeRate' | 'conversionRate';

const RATE_MESSAGES = defineMessages({
  delivered: { id: 'sim.assumption.delivered' },
  opened: { id: 'sim.assumption.opened' },
  clicked: { id: 'sim.assumption.clicked' },
  unsubscribed: { id: 'sim.assumption.unsubscribed' },
  converted: { id: 'sim.assumption.converted' },
  ofSends: { id: 'sim.assumption.ofSends' },
  ofDelivered: { id: 'sim.assumption.ofDelivered' },
  ofOpened: { id: 'sim.assumption.ofOpened' },
  ofClicked: { id: 'sim.assumption.ofClicked' },
});

const RATE_FIELDS: readonly {
  field: RateField;
  label: MessageDescriptor;
  hint: MessageDescriptor;
}[] = [
  { field: 'deliveredRate', label: RATE_MESSAGES.delivered, hint: RATE_MESSAGES.ofSends },
  { field: 'openRate', label: RATE_MESSAGES.opened, hint: RATE_MESSAGES.ofDelivered },
  { field: 'clickRate', label: RATE_MESSAGES.clicked, hint: RATE_MESSAGES.ofOpened },
  { field: 'unsubscribeRate', label: RATE_MESSAGES.unsubscribed, hint: RATE_MESSAGES.ofDelivered },
  { field: 'conversionRate', label: RATE_MESSAGES.converted, hint: RATE_MESSAGES.ofClicked },
];

/** A rate as a percentage with at most two decimals, e.g. 0.003 → 0.3. */
function percent(rate: number): number {
  return Math.round(rate * 10_000) / 100;
}

interface AssumptionsEditorProps {
  /** The channels the journey sends on; only these rows are shown. */
  channels: readonly Channel[];
  overrides: BehaviourOverrides;
  onChange(overrides: BehaviourOverrides): void;
  disabled?: boolean;
}

/** A table of per-channel behaviour assumptions (rates in %, cost per send), with a reset. */
export function AssumptionsEditor({
  channels,
  overrides,
  onChange,
  disabled,
}: AssumptionsEditorProps) {
  const intl = useIntl();
  if (channels.length === 0) {
    return (
      <p className="muted">
        <FormattedMessage id="sim.assumptions-editor.thisJourneySendsNoMessages" />
      </p>
    );
  }
  const value = (channel: Channel, field: keyof ChannelBehaviour): number =>
    overrides[channel]?.[field] ?? DEFAULT_CHANNEL_BEHAVIOUR[channel][field];
  const set = (channel: Channel, field: keyof ChannelBehaviour, next: number): void => {
    const merged = { ...overrides[channel], [field]: next };
    if (next === DEFAULT_CHANNEL_BEHAVIOUR[channel][field]) delete merged[field];
    const out = { ...overrides, [channel]: merged };
    if (Object.keys(merged).length === 0) delete out[channel];
    onChange(out);
  };
  const changed = Object.keys(overrides).length > 0;
  return (
    <div className="sim-assumptions">
      <table className="data-table sim-assumptions-table">
        <caption className="visually-hidden">
          <FormattedMessage id="sim.assumptions-editor.behaviourAssumptionsPerChannel" />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="sim.assumptions-editor.channel" />
            </th>
            {RATE_FIELDS.map((f) => (
              <th scope="col" key={f.field} title={intl.formatMessage(f.hint)}>
                {intl.formatMessage(f.label)} %
                <div className="sim-th-hint">{intl.formatMessage(f.hint)}</div>
              </th>
            ))}
            <th scope="col">
              <FormattedMessage id="sim.assumptions-editor.costPerSend" />
            </th>
          </tr>
        </thead>
        <tbody>
          {channels.map((channel) => (
            <tr key={channel}>
              <th scope="row">{intl.formatMessage(CHANNEL_MESSAGES[channel])}</th>
              {RATE_FIELDS.map((f) => (
                <td key={f.field}>
                  <input
                    type="number"
                    min={0}
                    max={100}
                    step={0.1}
                    disabled={disabled}
                    aria-label={intl.formatMessage(
                      { id: 'sim.assumption.inputLabel' },
                      {
                        channel: intl.formatMessage(CHANNEL_MESSAGES[channel]),
                        rate: intl.formatMessage(f.label).toLowerCase(),
                        hint: intl.formatMessage(f.hint),
                      },
                    )}
                    value={percent(value(channel, f.field))}
                    onChange={(e) => {
                      const n = e.currentTarget.valueAsNumber;
                      if (Number.isFinite(n))
                        set(channel, f.field, Math.min(100, Math.max(0, n)) / 100);
                    }}
                  />
                </td>
              ))}
              <td>
                <input
                  type="number"
                  min={0}
                  step={0.001}
                  disabled={disabled}
                  aria-label={intl.formatMessage(
                    { id: 'sim.assumptions-editor.costLabel' },
                    { channel: intl.formatMessage(CHANNEL_MESSAGES[channel]) },
                  )}
                  value={value(channel, 'costPerSend')}
                  onChange={(e) => {
                    const n = e.currentTarget.valueAsNumber;
                    if (Number.isFinite(n)) set(channel, 'costPerSend', Math.max(0, n));
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="btn btn-sm"
        disabled={disabled === true || !changed}
        onClick={() => onChange({})}
      >
        <FormattedMessage id="sim.assumptions-editor.resetToDefaults" />
      </button>
    </div>
  );
}
