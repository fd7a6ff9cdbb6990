import { describe, expect, it } from 'vitest';
import { validate, type Diagnostic, type JourneyDocument } from '../../../src/domain/index.ts';
import { makeDoc, simpleDoc, validConfig } from '../journey/doc-fixture.ts';

const codes = (doc: JourneyDocument): string[] => validate(doc).map((d) => d.code);
const find = (doc: JourneyDocument, code: string): Diagnostic[] =>
  validate(doc).filter((d) => d.code === code);

describe('validate', () => {
  it('finds nothing in a simple complete journey', () => {
    expect(validate(simpleDoc())).toEqual([]);
  });

  it('no-trigger', () => {
    expect(codes(makeDoc([['e', 'email']]))).toContain('no-trigger');
    expect(codes(simpleDoc())).not.toContain('no-trigger');
  });

  it('unknown-kind', () => {
    const doc = simpleDoc();
    doc.steps.push({ id: 'x', kind: 'teleport', label: 'X', config: {}, position: { x: 0, y: 0 } });
    expect(find(doc, 'unknown-kind')).toMatchObject([{ severity: 'error', stepId: 'x' }]);
    expect(codes(simpleDoc())).not.toContain('unknown-kind');
  });

  it('invalid-config, field by field', () => {
    const doc = makeDoc(
      [
        ['t', 'event'],
        [
          'r',
          'random_split',
          {
            variants: [
              { key: 'a', label: 'A', percent: 'half' },
              { key: 'b', label: 'B', percent: 50 },
            ],
          },
        ],
      ],
      [['t', 'r']],
    );
    expect(find(doc, 'invalid-config')).toMatchObject([
      {
        stepId: 'r',
        field: 'variants.0.percent',
        fieldKeys: ['variants', 0, 'percent'],
        severity: 'error',
      },
    ]);
    expect(codes(simpleDoc())).not.toContain('invalid-config');
  });

  it('split-percentages and message-without-content come from the step definitions', () => {
    const doc = makeDoc(
      [
        ['t', 'event'],
        [
          'r',
          'random_split',
          {
            variants: [
              { key: 'a', label: 'A', percent: 60 },
              { key: 'b', label: 'B', percent: 60 },
            ],
          },
        ],
        ['e', 'email', { ...validConfig('email'), body: '' }],
      ],
      [
        ['t', 'r'],
        ['r', 'e', 'a'],
      ],
    );
    expect(find(doc, 'split-percentages')).toMatchObject([{ stepId: 'r', field: 'variants' }]);
    expect(find(doc, 'message-without-content')).toMatchObject([{ stepId: 'e', field: 'body' }]);
  });

  it('dangling-connection and unknown-branch', () => {
    const doc = simpleDoc();
    doc.connections.push({ id: 'ghost', from: 's', fromBranch: 'next', to: 'nowhere' });
    doc.connections.push({ id: 'odd', from: 't', fromBranch: 'yes', to: 's' });
    expect(find(doc, 'dangling-connection')).toMatchObject([{ connectionId: 'ghost' }]);
    expect(find(doc, 'unknown-branch')).toMatchObject([{ connectionId: 'odd', stepId: 't' }]);
    expect(codes(simpleDoc())).not.toContain('dangling-connection');
  });

  it('connection-into-trigger', () => {
    const doc = makeDoc(
      [
        ['t', 'event'],
        ['t2', 'event'],
        ['e', 'email'],
      ],
      [
        ['t', 'e'],
        ['e', 't2'],
        ['t2', 'e'],
      ],
    );
    expect(find(doc, 'connection-into-trigger')).toMatchObject([
      { stepId: 't2', connectionId: 'c1' },
    ]);
  });

  it('duplicate-branch-connection', () => {
    const doc = makeDoc(
      [
        ['t', 'event'],
        ['a', 'email'],
        ['b', 'sms'],
      ],
      [
        ['t', 'a'],
        ['t', 'b'],
      ],
    );
    expect(find(doc, 'duplicate-branch-connection')).toMatchObject([
      { stepId: 't', connectionId: 'c1' },
    ]);
  });

  it('duplicate ids', () => {
    const doc = simpleDoc();
    doc.steps.push({ ...doc.steps[1]!, position: { x: 1, y: 1 } });
    doc.connections.push({ ...doc.connections[0]!, from: 's', to: 'e' });
    expect(codes(doc)).toEqual(
      expect.arrayContaining(['duplicate-step-id', 'duplicate-connection-id']),
    );
  });

  it('self-loop and cycle-without-wait', () => {
    const loop = makeDoc(
      [
        ['t', 'event'],
        ['a', 'email'],
        ['b', 'sms'],
      ],
      [
        ['t', 'a'],
        ['a', 'b'],
        ['b', 'a'],
      ],
    );
    expect(find(loop, 'cycle-without-wait')).toMatchObject([
      { severity: 'error', stepId: 'a' },
      { severity: 'error', stepId: 'b' },
    ]);
    const self = makeDoc(
      [
        ['t', 'event'],
        ['a', 'email'],
      ],
      [
        ['t', 'a'],
        ['a', 'a'],
      ],
    );
    expect(codes(self)).toEqual(expect.arrayContaining(['self-loop', 'cycle-without-wait']));
    const waited = makeDoc(
      [
        ['t', 'event'],
        ['a', 'email'],
        ['d', 'delay'],
      ],
      [
        ['t', 'a'],
        ['a', 'd'],
        ['d', 'a'],
      ],
    );
    expect(codes(waited)).not.toContain('cycle-without-wait');
  });

  it('unreachable-step', () => {
    const doc = makeDoc(
      [
        ['t', 'event'],
        ['a', 'email'],
        ['lost', 'sms'],
      ],
      [['t', 'a']],
    );
    expect(find(doc, 'unreachable-step')).toMatchObject([{ stepId: 'lost', severity: 'warning' }]);
    expect(codes(simpleDoc())).not.toContain('unreachable-step');
  });

  it('unconnected-branch on splits, triggers and waits but not on last actions', () => {
    const doc = makeDoc(
      [
        ['t', 'event'],
        ['if', 'if_else'],
        ['a', 'email'],
        ['d', 'delay'],
      ],
      [
        ['t', 'if'],
        ['if', 'a', 'yes'],
        ['a', 'd'],
      ],
    );
    expect(find(doc, 'unconnected-branch').map((d) => [d.stepId, d.field])).toEqual([
      ['if', 'branch:no'],
      ['d', 'branch:next'],
    ]);
    expect(codes(simpleDoc())).not.toContain('unconnected-branch');
  });

  it('no-action', () => {
    expect(
      codes(
        makeDoc(
          [
            ['t', 'event'],
            ['d', 'delay'],
          ],
          [['t', 'd']],
        ),
      ),
    ).toContain('no-action');
    expect(codes(simpleDoc())).not.toContain('no-action');
  });

  it('unproducible-event for goals, exit rules and waits on journey-only events', () => {
    const doc = simpleDoc();
    doc.settings.goal = {
      event: 'nps_response',
      propertyFilters: [],
      windowDays: 7,
      endsJourney: false,
    };
    doc.settings.exitCriteria = [
      { event: 'push_opened', propertyFilters: [] },
      { event: 'order_placed', propertyFilters: [] },
    ];
    expect(find(doc, 'unproducible-event').map((d) => d.field)).toEqual([
      'settings.goal.event',
      'settings.exitCriteria.0.event',
    ]);
    const wait = makeDoc(
      [
        ['t', 'event'],
        [
          'w',
          'wait_for_event',
          {
            ...validConfig('wait_for_event'),
            target: { type: 'event', event: 'nps_response', propertyFilters: [] },
          },
        ],
        ['a', 'email'],
        ['b', 'email'],
      ],
      [
        ['t', 'w'],
        ['w', 'a', 'happened'],
        ['w', 'b', 'timed_out'],
      ],
    );
    expect(find(wait, 'unproducible-event')).toMatchObject([
      { stepId: 'w', field: 'target.event' },
    ]);
    const fine = structuredClone(wait);
    fine.steps.push({
      id: 'nps',
      kind: 'nps_survey',
      label: 'NPS',
      config: validConfig('nps_survey'),
      position: { x: 0, y: 0 },
    });
    fine.connections[0] = { id: 'c0', from: 't', fromBranch: 'next', to: 'nps' };
    fine.connections.push({ id: 'cx', from: 'nps', fromBranch: 'next', to: 'w' });
    expect(codes(fine)).not.toContain('unproducible-event');
  });

  it('invalid-engagement-step and engagement with a later message', () => {
    const engage = (stepId: string, engagement: 'opened' | 'clicked') => ({
      ...validConfig('wait_for_event'),
      target: { type: 'engagement', stepId, engagement },
    });
    const build = (target: string, engagement: 'opened' | 'clicked') =>
      makeDoc(
        [
          ['t', 'event'],
          ['e', 'email'],
          ['s', 'sms'],
          ['w', 'wait_for_event', engage(target, engagement)],
          ['a', 'push'],
          ['b', 'push'],
        ],
        [
          ['t', 'e'],
          ['e', 's'],
          ['s', 'w'],
          ['w', 'a', 'happened'],
          ['w', 'b', 'timed_out'],
        ],
      );
    expect(codes(build('e', 'opened'))).toEqual([]);
    expect(find(build('s', 'opened'), 'invalid-engagement-step')).toMatchObject([
      { field: 'target.engagement' },
    ]);
    expect(find(build('t', 'clicked'), 'invalid-engagement-step')).toMatchObject([
      { field: 'target.stepId' },
    ]);
    expect(find(build('a', 'clicked'), 'unproducible-event')).toMatchObject([{ stepId: 'w' }]);
  });

  it('invalid-settings and empty-quiet-hours', () => {
    const doc = simpleDoc();
    doc.settings.controlGroupPercent = 70;
    expect(find(doc, 'invalid-settings')).toMatchObject([
      { field: 'settings.controlGroupPercent' },
    ]);
    const quiet = simpleDoc();
    quiet.settings.quietHours = { enabled: true, start: '22:00', end: '22:00', behaviour: 'defer' };
    expect(codes(quiet)).toEqual(['empty-quiet-hours']);
  });

  it('puts errors before warnings', () => {
    const doc = makeDoc(
      [
        ['t', 'event'],
        ['lost', 'email'],
        ['if', 'if_else'],
      ],
      [
        ['t', 'if'],
        ['if', 'if', 'yes'],
      ],
    );
    const severities = validate(doc).map((d) => d.severity);
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('error'));
  });
});
