import { utcMidnight } from '../dates';
import { type Profile, type ProfileEvent, profileSchema, type Scalar } from '../profile';
import { UNSAFE_KEYS } from './mapping';
import type { RejectionCode } from './report';

/** The longest id kept; longer ones are a sign of a wrong column or a broken file. */
export const MAX_ID_LENGTH = 256;
/** The longest text kept in any one field. */
export const MAX_TEXT_LENGTH = 10_000;
/** Event times are kept between these (1900-01-01 and 2200-01-01, UTC). */
export const EARLIEST_EVENT_MS = Date.UTC(1900, 0, 1);
export const LATEST_EVENT_MS = Date.UTC(2200, 0, 1);

/** What is wrong with one value of a profile: the field path (e.g. `attributes.custom.ltv`) and why. */
export interface ProfileProblem {
  field: string;
  reason: RejectionCode;
  message: string;
}

function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && utcMidnight(Number(m[1]), Number(m[2]), Number(m[3])) !== undefined;
}

function checkScalar(field: string, value: Scalar): ProfileProblem | undefined {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return { field, reason: 'invalid_number', message: `${field} is ${value}, not a number.` };
  }
  if (typeof value === 'string' && value.length > MAX_TEXT_LENGTH) {
    return {
      field,
      reason: 'invalid_value',
      message: `${field} is ${value.length} characters long; at most ${MAX_TEXT_LENGTH} are kept.`,
    };
  }
  return undefined;
}

function checkRecord(field: string, record: Record<string, Scalar>): ProfileProblem | undefined {
  for (const key of Object.keys(record)) {
    if (UNSAFE_KEYS.has(key)) {
      return {
        field: `${field}.${key}`,
        reason: 'invalid_value',
        message: `"${key}" cannot be a key.`,
      };
    }
    const problem = checkScalar(`${field}.${key}`, record[key] as Scalar);
    if (problem) return problem;
  }
  return undefined;
}

function checkEvent(event: ProfileEvent, index: number): ProfileProblem | undefined {
  const field = `events.${index}`;
  if (!Number.isInteger(event.at) || event.at < EARLIEST_EVENT_MS || event.at >= LATEST_EVENT_MS) {
    return {
      field: `${field}.at`,
      reason: 'invalid_timestamp',
      message: `Event ${index + 1} has a time outside 1900–2199 (${event.at}).`,
    };
  }
  if (event.name.length > MAX_TEXT_LENGTH) {
    return {
      field: `${field}.name`,
      reason: 'invalid_value',
      message: 'The event name is too long.',
    };
  }
  return event.props ? checkRecord(`${field}.props`, event.props) : undefined;
}

/**
 * The full check a profile passes before it is stored: the profile schema, then what the schema
 * cannot say (real calendar dates, finite numbers, bounded text, event times in range, no
 * prototype keys). Returns the first problem, or undefined when the profile can be stored.
 */
export function findProfileProblem(profile: Profile): ProfileProblem | undefined {
  const parsed = profileSchema.safeParse(profile);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || 'profile';
    return {
      field,
      reason: 'invalid_profile',
      message: `${field}: ${issue?.message ?? 'invalid'}`,
    };
  }
  if (profile.id.length > MAX_ID_LENGTH) {
    return {
      field: 'id',
      reason: 'invalid_value',
      message: `The id is ${profile.id.length} characters long; at most ${MAX_ID_LENGTH}.`,
    };
  }
  const { attributes } = profile;
  for (const key of ['birthday', 'signupDate'] as const) {
    const date = attributes[key];
    if (date !== undefined && !isRealDate(date)) {
      return {
        field: `attributes.${key}`,
        reason: 'invalid_date',
        message: `"${date}" is not a date.`,
      };
    }
  }
  for (const [key, value] of Object.entries(attributes)) {
    if (typeof value === 'string') {
      const problem = checkScalar(`attributes.${key}`, value);
      if (problem) return problem;
    }
  }
  for (const tag of attributes.tags) {
    const problem = checkScalar('attributes.tags', tag);
    if (problem) return problem;
  }
  const custom = checkRecord('attributes.custom', attributes.custom);
  if (custom) return custom;
  for (let i = 0; i < profile.events.length; i++) {
    const problem = checkEvent(profile.events[i] as ProfileEvent, i);
    if (problem) return problem;
  }
  return undefined;
}
