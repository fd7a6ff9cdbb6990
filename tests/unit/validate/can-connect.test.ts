import { describe, expect, it } from 'vitest';
import { canConnect } from '../../../src/domain/index.ts';
import { makeDoc } from '../journey/doc-fixture.ts';

const doc = makeDoc(
  [
    ['t', 'event'],
    ['t2', 'event'],
    ['if', 'if_else'],
    ['a', 'email'],
    ['b', 'sms'],
    ['d', 'delay'],
    ['x', 'exit'],
  ],
  [
    ['t', 'if'],
    ['if', 'a', 'yes'],
    ['a', 'd'],
  ],
);

describe('canConnect', () => {
  it('allows a free branch to a new step', () => {
    expect(canConnect(doc, 'if', 'no', 'b')).toEqual({ ok: true });
    expect(canConnect(doc, 'd', 'next', 'if')).toEqual({ ok: true });
  });

  it.each([
    ['if', 'no', 'ghost', 'dangling-connection'],
    ['a', 'next', 'a', 'self-loop'],
    ['b', 'next', 't2', 'connection-into-trigger'],
    ['if', 'maybe', 'b', 'unknown-branch'],
    ['x', 'next', 'b', 'unknown-branch'],
    ['if', 'yes', 'b', 'duplicate-branch-connection'],
    ['b', 'next', 'if', 'ok'],
  ])('%s.%s → %s: %s', (from, branch, to, code) => {
    const result = canConnect(doc, from, branch, to);
    if (code === 'ok') expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, code, reason: expect.any(String) });
  });

  it('refuses to close a loop without a wait', () => {
    const chain = makeDoc(
      [
        ['t', 'event'],
        ['a', 'email'],
        ['b', 'sms'],
      ],
      [
        ['t', 'a'],
        ['a', 'b'],
      ],
    );
    expect(canConnect(chain, 'b', 'next', 'a')).toMatchObject({
      ok: false,
      code: 'cycle-without-wait',
    });
  });
});
