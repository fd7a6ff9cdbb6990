import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configFromEnv, MIN_CLAIM_LEASE_MS } from '../../../src/executor/config.ts';
import { WEBHOOK_TIMEOUT_MS } from '../../../src/executor/delivery/webhook-adapter.ts';
import { startErrorMessage } from '../../../src/executor/start-error.ts';

/**
 * A claim lease shorter than a provider call hands a send still at its provider to a second
 * dispatcher, which calls the provider again: the executor must refuse to start with it.
 */
const env = (lease: string) => ({
  DATABASE_URL: 'postgres://a@127.0.0.1/b',
  CLAIM_LEASE_MS: lease,
});

function startFailure(lease: string): unknown {
  try {
    configFromEnv(env(lease));
  } catch (error) {
    return error;
  }
  return null;
}

describe('CLAIM_LEASE_MS', () => {
  it('outlives a webhook call, with room for the statements around it', () => {
    expect(MIN_CLAIM_LEASE_MS).toBeGreaterThan(WEBHOOK_TIMEOUT_MS);
  });

  it('shorter than that stops the start, naming the variable', () => {
    for (const lease of ['2000', String(WEBHOOK_TIMEOUT_MS), String(MIN_CLAIM_LEASE_MS - 1)]) {
      const error = startFailure(lease);
      expect(error).toBeInstanceOf(z.ZodError);
      expect((error as z.ZodError).issues).toEqual([
        expect.objectContaining({ path: ['claimLeaseMs'], code: 'too_small' }),
      ]);
      const line = startErrorMessage(error, env(lease));
      expect(line.startsWith('wayfinder executor: cannot start: CLAIM_LEASE_MS: ')).toBe(true);
      expect(line.split('\n')).toHaveLength(1);
    }
  });

  it('at least that, or unset (ten minutes), starts', () => {
    expect(configFromEnv(env(String(MIN_CLAIM_LEASE_MS))).claimLeaseMs).toBe(MIN_CLAIM_LEASE_MS);
    expect(configFromEnv({ DATABASE_URL: 'postgres://a@127.0.0.1/b' }).claimLeaseMs).toBe(600_000);
  });
});
