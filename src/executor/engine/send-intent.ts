import type { Channel, Profile, SpecStep } from '../../domain/index.ts';

/** A message the engine decided to send: written to the outbox in the step's transaction. */
export interface SendIntent {
  /** `${runId}:${stepId}:${attempt}`: the same send always has the same key, so no crash doubles it. */
  key: string;
  runId: string;
  journeyId: string;
  version: number;
  profileId: string;
  stepId: string;
  kind: string;
  channel: Channel;
  at: number;
  /** The step's content with `{{profile.<attribute>}}` filled in (spec §5.4). */
  content: Record<string, unknown>;
}

const PLACEHOLDER = /\{\{\s*profile\.([A-Za-z0-9_.]+)\s*\}\}/g;

function attributeText(profile: Profile, path: string): string {
  const a = profile.attributes as unknown as Record<string, unknown>;
  const value = path.startsWith('custom.')
    ? profile.attributes.custom[path.slice('custom.'.length)]
    : path === 'id'
      ? profile.id
      : a[path];
  return value === undefined || value === null ? '' : String(value);
}

/** Fills `{{profile.x}}` placeholders in every text field of a step (missing values: empty). */
export function renderContent(step: SpecStep, profile: Profile): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(step)) {
    if (key === 'next' || key === 'behaviourOverride') continue;
    out[key] =
      typeof value === 'string'
        ? value.replace(PLACEHOLDER, (_m, path: string) => attributeText(profile, path))
        : value;
  }
  return out;
}
