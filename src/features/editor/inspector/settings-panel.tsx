import { LIFECYCLE_STAGE_MESSAGES } from '../../../i18n/domain-labels.ts';
import { FormattedMessage, useIntl } from 'react-intl';
import { useId, useMemo } from 'react';
import {
  journeySettingsSchema,
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
import { besideFieldText, fieldProblemText } from '../../../i18n/diagnostic-text.ts';
import { problemPlace } from '../problems/problem-place.ts';
import { ID_BASE_ATTRIBUTE } from '../../../ui/schema-form/field-control.ts';
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

/** Journey-wide settings, shown in the side panel when no step is selected. */
export function SettingsPanel({
  document,
  onChangeSettings,
  onChangeMeta,
  diagnostics,
  suggestions,
}: SettingsPanelProps) {
  const intl = useIntl();
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
        ...schemaIssues(journeySettingsSchema, settings, (p) => fieldProblemText(intl, p)),
        ...diagnosticIssues(
          settingsDiagnostics.map((d) => ({ ...d, message: besideFieldText(intl, d) })),
          'settings',
        ),
      ]),
    [settings, settingsDiagnostics, intl],
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
    <section
      className="inspector"
      aria-labelledby={`${idBase}-title`}
      data-journey-settings=""
      {...{ [ID_BASE_ATTRIBUTE]: idBase }}
    >
      <header className="inspector-head">
        <div className="inspector-titles">
          <h2 id={`${idBase}-title`}>
            <FormattedMessage id="editor.settings-panel.journeySettings" />
          </h2>
          <p className="muted">
            <FormattedMessage id="editor.settings-panel.selectAStepOnThe" />
          </p>
        </div>
      </header>
      <DiagnosticList
        diagnostics={settingsDiagnostics}
        label={intl.formatMessage({ id: 'editor.settings-panel.problemsWithTheSettings' })}
        placeOf={(d) => problemPlace(intl, document, d)}
      />
      <fieldset className="settings-section">
        <legend>
          <FormattedMessage id="editor.settings-panel.journey" />
        </legend>
        <TextField
          id={`${idBase}-name`}
          label={intl.formatMessage({ id: 'editor.settings-panel.name' })}
          value={document.name}
          issues={
            document.name.trim() === ''
              ? [
                  {
                    path: 'name',
                    message: intl.formatMessage({
                      id: 'editor.settings-panel.giveTheJourneyAName',
                    }),
                    severity: 'warning',
                  },
                ]
              : []
          }
          onChange={(name) => onChangeMeta({ ...meta, name })}
        />
        <TextField
          id={`${idBase}-description`}
          label={intl.formatMessage({ id: 'editor.settings-panel.description' })}
          multiline
          value={document.description}
          onChange={(description) => onChangeMeta({ ...meta, description })}
        />
        <SelectField
          id={`${idBase}-stage`}
          label={intl.formatMessage({ id: 'editor.settings-panel.lifecycleStage' })}
          value={document.lifecycleStage}
          options={LIFECYCLE_STAGES.map((s) => ({
            value: s,
            label: intl.formatMessage(LIFECYCLE_STAGE_MESSAGES[s]),
          }))}
          onChange={(stage) => onChangeMeta({ ...meta, lifecycleStage: stage as LifecycleStage })}
        />
      </fieldset>
      <EntrySection {...section} />
      <GoalSection {...section} />
      <ExitSection {...section} />
      <DeliverySections {...section} />
      <fieldset className="settings-section">
        <legend>
          <FormattedMessage id="editor.settings-panel.audience" />
        </legend>
        <TimeZoneField
          {...section.field('defaultTimeZone')}
          label={intl.formatMessage({ id: 'editor.settings-panel.defaultTimeZone' })}
          value={settings.defaultTimeZone}
          onChange={(defaultTimeZone) => onChangeSettings({ ...settings, defaultTimeZone })}
        />
        <NumberField
          {...section.field('controlGroupPercent')}
          label={intl.formatMessage({ id: 'editor.settings-panel.controlGroup' })}
          hint={intl.formatMessage({ id: 'editor.settings-panel.peopleHeldOutOfEvery' })}
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
