import { FormattedMessage, type IntlShape, useIntl } from 'react-intl';
import { type ReactNode, useId, useMemo, useState } from 'react';
import {
  renderMessage,
  templateScope,
  type JourneyValues,
  type Profile,
  type StepKind,
} from '../../../../domain/index.ts';
import { EmailPreview } from './email-preview.tsx';
import { LockScreenPreview } from './lock-screen-preview.tsx';
import { previewEvent, profileMissingAField, unguardedPathsOf } from './pick-profile.ts';
import { SmsPreview } from './sms-preview.tsx';
import { TextPreview } from './text-preview.tsx';
import './message-preview.css';

export interface MessagePreviewProps {
  kind: StepKind;
  config: unknown;
  /** Profiles to preview with (a sample of the chosen set). */
  profiles: readonly Profile[];
  profileSetName: string;
  /** The profile set could not be read: said so, rather than that there are no profiles. */
  profilesUnreadable?: boolean;
  /** The event that starts the journey; the preview uses each profile's latest one. */
  triggerEvent: string | undefined;
  journey: JourneyValues;
  /** Source of "a random one"; injectable so tests can pin it. */
  random?: () => number;
}

/** Profiles listed by name in the picker; "a random one" draws from all of them. */
const LISTED = 200;

function profileLabel(intl: IntlShape, p: Profile): string {
  const name = p.attributes.name?.trim();
  return intl.formatMessage(
    { id: 'editor.message-preview.profileLabel' },
    { id: p.id, name: name ?? '', named: name === undefined || name === '' ? 'no' : 'yes' },
  );
}

/** What "one missing a field" found: nobody, or a profile and the field it lacks. */
type MissingNote = { found: false } | { found: true; profile: string; path: string };

/**
 * The selected message as one customer receives it: pick a profile of the set, a random one, or
 * one missing a field the message prints. Rendered with the same engine as the simulator and
 * the spec's executors.
 */
export function MessagePreview({
  kind,
  config,
  profiles,
  profileSetName,
  profilesUnreadable = false,
  triggerEvent,
  journey,
  random = Math.random,
}: MessagePreviewProps) {
  const intl = useIntl();
  const id = useId();
  const [chosenId, setChosenId] = useState<string | undefined>(undefined);
  const [note, setNote] = useState<MissingNote | null>(null);
  const profile = profiles.find((p) => p.id === chosenId) ?? profiles[0];
  const paths = useMemo(() => unguardedPathsOf(kind, config), [kind, config]);
  const rendered = useMemo(
    () =>
      profile === undefined
        ? undefined
        : renderMessage(
            kind,
            config,
            templateScope(profile, previewEvent(profile, triggerEvent), journey),
          ),
    [kind, config, profile, triggerEvent, journey],
  );

  if (profile === undefined || rendered === undefined) {
    return (
      <section className="message-preview" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>
          <FormattedMessage id="editor.message-preview.preview" />
        </h3>
        {profilesUnreadable ? (
          <p role="alert">
            <FormattedMessage id="editor.message-preview.profilesUnreadable" />
          </p>
        ) : (
          <p className="muted">
            <FormattedMessage id="editor.message-preview.noProfilesToPreviewWith" />
          </p>
        )}
      </section>
    );
  }
  const listed = profiles.slice(0, LISTED);
  if (!listed.includes(profile)) listed.unshift(profile);
  const failed = Object.entries(rendered).flatMap(([field, outcome]) =>
    outcome.ok ? [] : [{ field, ...outcome.error }],
  );
  // Not the templates' fault: the engine is still loading, and says so once, not per field.
  const engineLoading = failed.some((e) => e.code === 'engine_loading');
  const errors = failed.filter((e) => e.code !== 'engine_loading');

  const pickRandom = () => {
    const p = profiles[Math.floor(random() * profiles.length)];
    if (p !== undefined) setChosenId(p.id);
    setNote(null);
  };
  const pickMissing = () => {
    const found = profileMissingAField(profiles, paths, triggerEvent);
    if (found === undefined) {
      setNote({ found: false });
      return;
    }
    setChosenId(found.profile.id);
    setNote({ found: true, profile: profileLabel(intl, found.profile), path: found.path });
  };

  return (
    <section className="message-preview" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <FormattedMessage id="editor.message-preview.preview" />
      </h3>
      <div className="preview-picker">
        <label htmlFor={`${id}-profile`}>
          <FormattedMessage
            id="editor.message-preview.profileFromSet"
            values={{ set: profileSetName }}
          />
        </label>
        <select
          id={`${id}-profile`}
          value={profile.id}
          onChange={(e) => {
            setChosenId(e.target.value);
            setNote(null);
          }}
        >
          {listed.map((p) => (
            <option key={p.id} value={p.id}>
              {profileLabel(intl, p)}
            </option>
          ))}
        </select>
        <div className="preview-picker-buttons">
          <button type="button" className="btn btn-sm" onClick={pickRandom}>
            <FormattedMessage id="editor.message-preview.aRandomOne" />
          </button>
          <button type="button" className="btn btn-sm" onClick={pickMissing}>
            <FormattedMessage id="editor.message-preview.oneMissingAField" />
          </button>
        </div>
        <p className="preview-note" role="status">
          {note !== null &&
            (note.found ? (
              <FormattedMessage
                id="editor.message-preview.profileLacksField"
                values={{
                  profile: note.profile,
                  path: note.path,
                  code: (chunks: ReactNode[]) => <code>{chunks}</code>,
                }}
              />
            ) : (
              <FormattedMessage
                id="editor.message-preview.everyProfileHasEveryField"
                values={{ set: profileSetName }}
              />
            ))}
        </p>
      </div>
      {engineLoading && (
        <p className="muted" role="status">
          <FormattedMessage id="editor.message-preview.engineLoading" />
        </p>
      )}
      {errors.length > 0 && (
        <ul
          className="preview-errors"
          aria-label={intl.formatMessage({ id: 'editor.message-preview.cannotRender' })}
        >
          {errors.map((e) => (
            <li key={e.field}>
              {e.code === 'template-too-slow' ? (
                <FormattedMessage id="editor.message-preview.tooSlow" values={{ field: e.field }} />
              ) : e.code === 'template-too-large' ? (
                <FormattedMessage
                  id="editor.message-preview.tooLarge"
                  values={{ field: e.field }}
                />
              ) : (
                <FormattedMessage
                  id="editor.message-preview.problem"
                  values={{ field: e.field, line: e.line, column: e.column, message: e.message }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {kind === 'email' ? (
        <EmailPreview
          rendered={rendered}
          from={String((config as { from?: unknown }).from ?? '')}
        />
      ) : kind === 'sms' ? (
        <SmsPreview rendered={rendered} />
      ) : kind === 'push' ? (
        <LockScreenPreview
          rendered={rendered}
          appName={intl.formatMessage({ id: 'editor.message-preview.yourApp' })}
        />
      ) : (
        <TextPreview rendered={rendered} />
      )}
    </section>
  );
}
