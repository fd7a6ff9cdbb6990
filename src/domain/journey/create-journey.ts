import { randomId, type IdGenerator } from './ids.ts';
import { JOURNEY_SCHEMA_VERSION, type JourneyDocument } from './journey-schema.ts';
import { defaultSettings } from './settings-schema.ts';

/** Creates an empty journey with default settings; `now` is epoch ms. */
export function createJourney(
  name: string,
  now: number,
  newId: IdGenerator = randomId,
): JourneyDocument {
  const at = new Date(now).toISOString();
  return {
    schemaVersion: JOURNEY_SCHEMA_VERSION,
    id: newId(),
    name,
    description: '',
    lifecycleStage: 'none',
    steps: [],
    connections: [],
    settings: defaultSettings(),
    createdAt: at,
    updatedAt: at,
  };
}
