import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { AssumptionsEditor, type BehaviourOverrides } from './assumptions-editor.tsx';
import type { Channel } from '../../domain/index.ts';
import { count, formatDay, formatShownDay } from './format.ts';
import type { SimulationProfileSet } from './simulation-services.tsx';
import { FormField } from '../../ui/form-field.tsx';

/** What the user chose for the next run. */
export interface SimulationFormValue {
  setId: string | null;
  /** Start of simulated time, epoch ms; null: the set's span (none shown until it is known). */
  start: number | null;
  horizonDays: number | null;
  seed: string;
  behaviour: BehaviourOverrides;
}

interface SimulationFormProps {
  sets: readonly SimulationProfileSet[] | null;
  value: SimulationFormValue;
  onChange(value: SimulationFormValue): void;
  channels: readonly Channel[];
  /** Working out the chosen set's event span. */
  spanLoading: boolean;
  disabled: boolean;
}

const DAY_MS = 86_400_000;

/** Profile set, period, seed and behaviour assumptions of a run. */
export function SimulationForm({
  sets,
  value,
  onChange,
  channels,
  spanLoading,
  disabled,
}: SimulationFormProps) {
  const intl = useIntl();
  const update = (patch: Partial<SimulationFormValue>): void => onChange({ ...value, ...patch });
  const end =
    value.start !== null && value.horizonDays !== null
      ? value.start + value.horizonDays * DAY_MS
      : null;
  // None chosen yet, or the chosen one deleted meanwhile: the select shows that, not the first set.
  const chosenIsListed = sets?.some((s) => s.id === value.setId) === true;
  return (
    <div className="sim-form">
      <FormField id="sim-set" label={<FormattedMessage id="sim.simulation-form.profileSet" />}>
        {sets === null ? (
          <span className="muted">
            <FormattedMessage id="sim.simulation-form.loadingProfileSets" />
          </span>
        ) : sets.length === 0 ? (
          <span className="muted">
            <FormattedMessage
              id="sim.simulation-form.noProfileSets"
              values={{ link: (text) => <Link to="/profiles">{text}</Link> }}
            />
          </span>
        ) : (
          <select
            id="sim-set"
            value={chosenIsListed ? (value.setId ?? '') : ''}
            title={sets.find((s) => s.id === value.setId)?.name}
            disabled={disabled}
            onChange={(e) =>
              update({ setId: e.currentTarget.value, start: null, horizonDays: null })
            }
          >
            {!chosenIsListed && (
              <option value="" disabled>
                {intl.formatMessage({ id: 'sim.simulation-form.chooseASet' })}
              </option>
            )}
            {sets.map((s) => (
              <option key={s.id} value={s.id}>
                {intl.formatMessage(
                  { id: 'sim.simulation-form.setOption' },
                  { name: s.name, count: count(s.count) },
                )}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="sim-form-row">
        <FormField id="sim-start" label={<FormattedMessage id="sim.simulation-form.startDate" />}>
          <input
            id="sim-start"
            type="date"
            required
            disabled={disabled || value.start === null}
            value={value.start === null ? '' : formatDay(value.start)}
            onChange={(e) => {
              const t = Date.parse(`${e.currentTarget.value}T00:00:00Z`);
              if (Number.isFinite(t)) update({ start: t });
            }}
          />
        </FormField>
        <FormField id="sim-days" label={<FormattedMessage id="sim.simulation-form.days" />}>
          <input
            id="sim-days"
            type="number"
            min={1}
            max={3650}
            step={1}
            required
            disabled={disabled || value.horizonDays === null}
            value={value.horizonDays ?? ''}
            onChange={(e) => {
              const n = Math.floor(e.currentTarget.valueAsNumber);
              if (Number.isFinite(n) && n >= 1) update({ horizonDays: Math.min(3650, n) });
            }}
          />
        </FormField>
        <FormField id="sim-seed" label={<FormattedMessage id="sim.simulation-form.seed" />}>
          <input
            id="sim-seed"
            type="number"
            step={1}
            disabled={disabled}
            value={value.seed}
            onChange={(e) => update({ seed: e.currentTarget.value })}
          />
        </FormField>
      </div>
      <p className="field-hint" aria-live="polite">
        {spanLoading
          ? intl.formatMessage({ id: 'sim.simulation-form.readingTheSetSEvents' })
          : end !== null
            ? intl.formatMessage(
                { id: 'sim.simulation-form.span' },
                { from: formatShownDay(value.start ?? 0), to: formatShownDay(end - 1) },
              )
            : ''}
      </p>
      <details className="sim-assumptions-details">
        <summary>
          <FormattedMessage id="sim.simulation-form.behaviourAssumptions" />
        </summary>
        <AssumptionsEditor
          channels={channels}
          overrides={value.behaviour}
          disabled={disabled}
          onChange={(behaviour) => update({ behaviour })}
        />
      </details>
    </div>
  );
}
