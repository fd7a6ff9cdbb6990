import type { Profile } from '../../../src/domain/index.ts';

/** A profile with only the attributes a test names. */
export function profile(
  id: string,
  attributes: Partial<Profile['attributes']> = {},
  events: Profile['events'] = [],
): Profile {
  return { id, attributes: { consent: {}, tags: [], custom: {}, ...attributes }, events };
}

export const JOURNEY = {
  id: 'j1',
  name: 'Welcome series',
  unsubscribeUrl: 'https://example.test/u/j1',
};
