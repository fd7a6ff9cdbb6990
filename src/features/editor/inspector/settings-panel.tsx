import { useId, useMemo } from 'react';
import {
  journeySettingsSchema,
  LIFECYCLE_STAGE_LABELS,
  LIFECYCLE_STAGES,
  type Diagnostic,
  type JourneyDocument,
  type JourneySettings,
  type LifecycleStage,
} from '../../../domain/index.ts';
import { SuggestionLists } from '../../../ui/condition-builder/suggestion-lists.tsx';
import type { Suggestions } from '../../../ui/condition-builder/suggestions.ts';
import {
  diagnosticIssues,
  groupIssues,
  issuesUnder,
  schemaIssues,
} from '../../../ui/schema-form/field-issues.ts';
import { NumberField } from '../../../ui/schema-form/number-field.tsx';
import { SelectField } from '../../../ui/schema-form/select-field.tsx';
import { TextField } from '../../../ui/schema-form/text-field.tsx';
import { DeliverySections } from './delivery-sections.tsx';
import { DiagnosticList } from './diagnostic-list.tsx';
import { EntrySection, ExitSection, GoalSection } from './entry-goal-sections.tsx';
import { requiredNumber, type SectionProps } from './settings-fields.ts';
import { TimeZoneField } from './time-zone-field.tsx';
import './inspector.css';

/** The journey's name, description and lifecycle stage. */
export interface JourneyMeta {
  name: string;
  description: string;
  lifecycleStage: LifecycleStage;
}

export interface SettingsPanelProps {
  document: JourneyDocument;
  onChangeSettings(settings: JourneySettings): void;
  onChangeMeta(meta: JourneyMeta): void;
  /** The journey's diagnostics; those with a `settings.` field are shown beside that field. */
  diagnostics: readonly Diagnostic[];
  suggestions?: Suggestions | undefined;
}

const STAGE_OPTIONS = LIFECYCLE_STAGES.map((s) => ({ value: s, label: LIFECYCLE_STAGE_LABELS[s] }));

/** Journey-wide settings, shown in the side panel when no step is selected. */
export function SettingsPanel({
  document,
  onChangeSettings,
  onChangeMeta,
  diagnostics,
  suggestions,
}: SettingsPanelProps) {
  const idBase = useId().replace(/:/g, '');
  const { settings } = document;
  const settingsDiagnostics = useMemo(
    () =>
      diagnostics.filter(
        (d) => d.stepId === undefined && d.field?.startsWith('settings.') === true,
      ),
    [diagnostics],
  );
  const issues = useMemo(
    () =>
      groupIssues([
        ...schemaIssues(journeySettingsSchema, settings),
        ...diagnosticIssues(settingsDiagnostics, 'settings'),
      ]),
    [settings, settingsDiagnostics],
  );
  const eventListId = `${idBase}-events`;
  const section: SectionProps = {
    settings,
    onChange: onChangeSettings,
    field: (path) => ({
      id: `${idBase}-${path.replace(/\./g, '-')}`,
      issues: issues.get(path) ?? [],
    }),
    issuesUnder: (path) => issuesUnder(issues, path),
    suggestions,
    eventListId,
  };
  const meta: JourneyMeta = {
    name: document.name,
    description: document.description,
    lifecycleStage: document.lifecycleStage,
  };
  return (
    <section className="inspector" aria-labelledby={`${idBase}-title`}>
      <header className="inspector-head">
        <div className="inspector-titles">
          <h2 id={`${idBase}-title`}>Journey settings</h2>
          <p className="muted">Select a step on the canvas to configure it.</p>
        </div>
      </header>
      <DiagnosticList diagnostics={settingsDiagnostics} label="Problems with the settings" />
      <fieldset className="settings-section">
        <legend>Journey</legend>
        <TextField
          id={`${idBase}-name`}
          label="Name"
          value={document.name}
          issues={
            document.name.trim() === ''
              ? [{ path: 'name', message: 'Give the journey a name.', severity: 'warning' }]
              : []
          }
          onChange={(name) => onChangeMeta({ ...meta, name })}
        />
        <TextField
          id={`${idBase}-description`}
          label="Description"
          multiline
          value={document.description}
          onChange={(description) => onChangeMeta({ ...meta, description })}
        />
        <SelectField
          id={`${idBase}-stage`}
          label="Lifecycle stage"
          value={document.lifecycleStage}
          options={STAGE_OPTIONS}
          onChange={(stage) => onChangeMeta({ ...meta, lifecycleStage: stage as LifecycleStage })}
        />
      </fieldset>
      <EntrySection {...section} />
      <GoalSection {...section} />
      <ExitSection {...section} />
      <DeliverySections {...section} />
      <fieldset className="settings-section">
        <legend>Audience</legend>
        <TimeZoneField
          {...section.field('defaultTimeZone')}
          label="Default time zone"
          value={settings.defaultTimeZone}
          onChange={(defaultTimeZone) => onChangeSettings({ ...settings, defaultTimeZone })}
        />
        <NumberField
          {...section.field('controlGroupPercent')}
          label="Control group (%)"
          hint="People held out of every message, to measure the journey's effect (0–50%)."
          min={0}
          max={50}
          value={settings.controlGroupPercent}
          onChange={(p) =>
            onChangeSettings({ ...settings, controlGroupPercent: requiredNumber(p) })
          }
        />
      </fieldset>
      <SuggestionLists suggestions={suggestions} eventListId={eventListId} />
    </section>
  );
}
