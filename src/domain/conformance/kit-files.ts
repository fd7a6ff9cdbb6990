import { specToJson } from '../compile/compile.ts';
import { stableJson } from '../compile/spec-json.ts';
import type { ConformanceCase } from './conformance-kit.ts';
import { RENDERING_CASES } from './rendering-cases.ts';
import { TEMPLATE_LANGUAGE } from '../templating/template-language.ts';

/** A file of the kit: its path inside the kit folder and its text. */
export interface KitFile {
  path: string;
  content: string;
}

const README = `# Wayfinder conformance kit

These cases check that an execution backend runs Wayfinder journey specs as
the spec document (docs/spec.md in the Wayfinder repository) describes, for
spec version 1.0. Each case was produced by Wayfinder's reference simulator with customer
behaviour switched off, so the outcome follows from the profile timelines alone.

## Layout

- \`index.json\`: every case with its id, description and files.
- \`cases/<id>/spec.json\`: the compiled journey (validate it with \`npx wayfinder validate\`).
- \`cases/<id>/profiles.json\`: the customers: attributes and their event timelines
  (times are epoch milliseconds, UTC).
- \`cases/<id>/window.json\`: \`{ start, horizonDays }\`: run the clock from \`start\` for that many
  days of 24 hours.
- \`cases/<id>/expected.json\`: what must happen: for each profile every run (entry time,
  trigger, each step with arrival time, departure time and branch taken, how and when the run
  ended) and for each step the counts: entered, left by each branch, still waiting at the end
  of the window, and ended there by reason.

## Running the cases against your backend

1. Load \`spec.json\` as a published journey.
2. Create the profiles of \`profiles.json\` and replay their events in time order, starting the
   clock at \`window.start\`; advance the clock to \`start + horizonDays × 24 h\`. Events that
   share a timestamp keep the order they have in the profile's \`events\` list (their sequence,
   spec §3.1): each is its own entry attempt.
3. Behaviour is off: messages are sent but no delivery, open, click, unsubscribe, conversion or
   survey answer happens. Only the events in the timelines exist.
4. Record, per profile, the runs and steps in the shape of \`expected.json\` (times as ISO 8601 UTC,
   e.g. \`2024-05-01T10:00:00.000Z\`), and per step the counts. Write one file per case,
   \`<actual-dir>/<id>.json\`.
5. Compare: \`npx wayfinder conformance --check <kit-dir> --actual <actual-dir>\` prints every
   difference and exits 1 if there is any, 0 when your backend conforms.

## Rendering cases

\`rendering.json\` holds message templates (Liquid, as the spec's \`templates\` block names it)
with a profile, the event that started the run (or \`null\`) and the journey's values. Render each
template against \`{ profile, event, journey }\` as docs/spec.md §Message templates describes
(profile attributes under \`profile\`, custom ones under \`profile.custom\`, \`event\` = the event's
properties plus \`name\`, \`journey\` = \`id\`, \`name\`, \`unsubscribe_url\`; missing values print
nothing; dates in UTC) and write \`<actual-dir>/rendering.json\` as \`{ "<case id>": "<text>" }\`.
The text must equal \`expected\` exactly, character for character.

A run's \`end\` is one of \`exit\` (an exit step), \`completed\` (a branch leading nowhere),
\`exit_criteria\`, \`goal\`, \`control_group\`, \`loop_guard\`, or \`horizon\` (still active when the
window ended, \`endedAt: null\`).
`;

/** The files of the kit for a set of cases. */
export function conformanceKitFiles(cases: readonly ConformanceCase[]): KitFile[] {
  const files: KitFile[] = [{ path: 'README.md', content: README }];
  files.push({
    path: 'index.json',
    content: stableJson({
      kit: 'wayfinder-conformance',
      specVersion: '1.0',
      rendering: 'rendering.json',
      cases: cases.map((c) => ({
        id: c.id,
        description: c.description,
        spec: `cases/${c.id}/spec.json`,
        profiles: `cases/${c.id}/profiles.json`,
        window: `cases/${c.id}/window.json`,
        expected: `cases/${c.id}/expected.json`,
      })),
    }),
  });
  files.push({
    path: 'rendering.json',
    content: stableJson({
      language: TEMPLATE_LANGUAGE.language,
      engine: `${TEMPLATE_LANGUAGE.engine} ${TEMPLATE_LANGUAGE.engineVersion}`,
      cases: RENDERING_CASES.map((c) => ({
        id: c.id,
        description: c.description,
        template: c.template,
        profile: c.profile,
        event: c.event,
        journey: {
          id: c.journey.id,
          name: c.journey.name,
          unsubscribe_url: c.journey.unsubscribeUrl,
        },
        expected: c.expected,
      })),
    }),
  });
  for (const c of cases) {
    files.push({ path: `cases/${c.id}/spec.json`, content: specToJson(c.spec) });
    files.push({ path: `cases/${c.id}/profiles.json`, content: `${JSON.stringify(c.profiles)}\n` });
    files.push({ path: `cases/${c.id}/window.json`, content: stableJson(c.window) });
    files.push({
      path: `cases/${c.id}/expected.json`,
      content: `${JSON.stringify(c.expected, null, 1)}\n`,
    });
  }
  return files;
}
