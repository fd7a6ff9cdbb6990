import pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  NotTakenError,
  type DeliveryAdapter,
  type OutboxSend,
} from '../../src/executor/delivery/adapter.ts';
import {
  deliverSends,
  giveUpSends,
  releaseExpiredClaims,
} from '../../src/executor/delivery/deliver-sends.ts';
import { STOPPED_IN_FLIGHT_ERROR } from '../../src/executor/engine/send-intent.ts';
import {
  sendOfRow,
  stepClaimer,
  undelivered,
  type OutboxRow,
} from '../../src/executor/delivery/delivery-workflow.ts';
import { readCounts } from '../../src/executor/store/counts.ts';
import { stopJourney } from '../../src/executor/store/stop-journey.ts';
import { publishVersion } from '../../src/executor/store/versions.ts';
import { at, directEngine } from './support/direct-engine.ts';
import { twoEmailWelcome } from './support/journeys.ts';

/**
 * A send is claimed (pending → sending, in its own transaction) before its provider is called,
 * and marked delivered or failed after. Before, delivery read the status and then called the
 * provider: two workers reading at once both sent, and a stop committed between the read and the
 * call marked failed "journey stopped" a send the provider got.
 */
const T0 = Date.UTC(2026, 4, 4, 10);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const engine = directEngine('delivery-claims');

/** An adapter whose first call waits at the provider until `release()`; every call is recorded. */
function heldProvider() {
  const calls: string[] = [];
  let entered!: () => void;
  const atProvider = new Promise<void>((resolve) => (entered = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const adapter: DeliveryAdapter = {
    name: 'held',
    perSend: true,
    handles: () => true,
    async deliver(sends) {
      calls.push(...sends.map((s) => s.idempotencyKey));
      if (calls.length === sends.length) {
        entered();
        await released;
      }
    },
  };
  return { adapter, calls, atProvider, release };
}

/** The pending sends, as the delivery workflow loads a batch. */
async function pendingSends(): Promise<OutboxSend[]> {
  const r = await engine.pool.query<OutboxRow>(
    `select * from outbox where status = 'pending' order by id`,
  );
  return r.rows.map(sendOfRow);
}

async function oneSend(): Promise<OutboxSend> {
  await publishVersion(engine.pool, engine.lookBack, 'welcome', 'v1', twoEmailWelcome(1), T0);
  await engine.signUp(1, T0 + MINUTE, 'p');
  await engine.batch(T0 + HOUR);
  const [send] = await pendingSends();
  if (send === undefined) throw new Error('the engine made no send');
  return send;
}

/** What the counts say of m1 (the send of {@link oneSend}): counted sent, and refused by a stop. */
async function m1Counts(): Promise<{ sent: number; notSent: number }> {
  const counts = await readCounts(engine.pool, engine.catalog, 'welcome', 1, T0 + 3 * HOUR);
  return {
    sent: counts?.steps['m1']?.sent ?? -1,
    notSent: counts?.notSent?.['m1']?.journey_stopped ?? 0,
  };
}

/** The send left claimed by `claimer`, as a process killed at the provider leaves it. */
async function leftAtProvider(send: OutboxSend, claimer: string, claimedAt: number) {
  await engine.pool.query(
    `update outbox set status = 'sending', claimed_by = $2, claimed_at = $3 where id = $1`,
    [send.id, claimer, claimedAt],
  );
}

const LEASE = 10 * MINUTE;

/** Delivering `send` (m1) calls no provider: it ends refused by the stop, not counted sent. */
async function expectRefusedByStop(send: OutboxSend, claimer: string): Promise<void> {
  const provider = heldProvider();
  provider.release();
  expect(await deliverSends(engine.pool, provider.adapter, [send], claimer)).toBe(0);
  expect(provider.calls).toEqual([]);
  expect(await engine.sends()).toEqual([
    expect.objectContaining({ status: 'failed', last_error: 'journey stopped' }),
  ]);
  expect(await m1Counts()).toEqual({ sent: 0, notSent: 1 });
}

describe('delivering a send', () => {
  it('two workers delivering the same send call the provider once', async () => {
    const send = await oneSend();
    const provider = heldProvider();
    const first = deliverSends(engine.pool, provider.adapter, [send], 'deliver:a');
    await provider.atProvider;
    // A second worker (another process, or DBOS running the workflow again) takes it meanwhile.
    expect(await deliverSends(engine.pool, provider.adapter, [send], 'deliver:b')).toBe(0);
    provider.release();
    expect(await first).toBe(1);
    expect(provider.calls).toEqual([send.idempotencyKey]);
    expect(await engine.sends()).toEqual([expect.objectContaining({ status: 'delivered' })]);
  });

  it('a stop while the send is at the provider does not record it failed', async () => {
    const send = await oneSend();
    const provider = heldProvider();
    const delivering = deliverSends(engine.pool, provider.adapter, [send], 'deliver:a');
    await provider.atProvider;
    await stopJourney(engine.pool, 'welcome', at(T0 + 2 * HOUR));
    provider.release();
    await delivering;
    // The provider has it: the outbox says so, not "journey stopped".
    expect(provider.calls).toEqual([send.idempotencyKey]);
    expect(await engine.sends()).toEqual([
      expect.objectContaining({ status: 'delivered', last_error: null }),
    ]);
  });

  it('a stop before the claim sends nothing', async () => {
    const send = await oneSend();
    await stopJourney(engine.pool, 'welcome', at(T0 + 2 * HOUR));
    await expectRefusedByStop(send, 'deliver:a');
  });

  it('a DBOS re-run of the step a crash cut off re-takes its claim at once; another step does not', async () => {
    const send = await oneSend();
    const claimer = stepClaimer('deliver:a', `held:${send.idempotencyKey}`);
    // The process died at the provider: the claim is there, no mark.
    await engine.pool.query(
      `update outbox set status = 'sending', claimed_by = $2, claimed_at = $3 where id = $1`,
      [send.id, claimer, Date.now()],
    );
    const provider = heldProvider();
    provider.release();
    const other = stepClaimer('deliver:b', `held:${send.idempotencyKey}`);
    expect(await deliverSends(engine.pool, provider.adapter, [send], other)).toBe(0);
    expect(await deliverSends(engine.pool, provider.adapter, [send], claimer)).toBe(1);
    expect(provider.calls).toEqual([send.idempotencyKey]);
    expect(await engine.sends()).toEqual([expect.objectContaining({ status: 'delivered' })]);
  });

  it('after a crash between claim and mark, nothing sends it until its lease ends; then it goes again with the same key', async () => {
    const send = await oneSend();
    // The process died at the provider: the claim is there, no mark.
    const claimedAt = Date.now();
    await engine.pool.query(
      `update outbox set status = 'sending', claimed_by = 'deliver:a#1', claimed_at = $2
       where id = $1`,
      [send.id, claimedAt],
    );
    await engine.pool.query(`update delivery_batches set status = 'queued'`);
    const provider = heldProvider();
    provider.release();
    // No other workflow, nor another step of its own.
    for (const claimer of ['deliver:b#2', 'deliver:a#3'])
      expect(await deliverSends(engine.pool, provider.adapter, [send], claimer)).toBe(0);
    expect(await releaseExpiredClaims(engine.pool, 10 * MINUTE, claimedAt + 10 * MINUTE - 1)).toBe(
      0,
    );
    expect(await engine.sends()).toEqual([expect.objectContaining({ status: 'sending' })]);
    // The lease ends: the send, still 'sending' (the provider may have it), is held by nobody,
    // and its batch is due for a new workflow, which loads it.
    expect(await releaseExpiredClaims(engine.pool, 10 * MINUTE, claimedAt + 10 * MINUTE)).toBe(1);
    const batches = await engine.pool.query(`select batch_id, status, round from delivery_batches`);
    expect(batches.rows).toEqual([expect.objectContaining({ status: 'new', round: 1 })]);
    const loaded = await undelivered(engine.pool, String(batches.rows[0]?.batch_id));
    expect(loaded).toEqual([send]);
    expect(await deliverSends(engine.pool, provider.adapter, loaded, 'deliver:x:1#4')).toBe(1);
    expect(provider.calls).toEqual([send.idempotencyKey]);
    expect(await engine.sends()).toEqual([expect.objectContaining({ status: 'delivered' })]);
  });

  it('a send the provider asks to retry is pending again between attempts, so a stop fails it', async () => {
    const send = await oneSend();
    const failing: DeliveryAdapter = {
      name: 'busy',
      perSend: true,
      handles: () => true,
      deliver: async () => {
        throw new NotTakenError('503');
      },
    };
    await expect(deliverSends(engine.pool, failing, [send], 'deliver:a')).rejects.toThrow('503');
    expect(await engine.sends()).toEqual([expect.objectContaining({ status: 'pending' })]);
    await stopJourney(engine.pool, 'welcome', at(T0 + 2 * HOUR));
    expect(await engine.sends()).toEqual([
      expect.objectContaining({ status: 'failed', last_error: 'journey stopped' }),
    ]);
  });
  it('a send whose lease ran out while its call was in flight is not counted refused by a stop', async () => {
    const send = await oneSend();
    const provider = heldProvider();
    const claimedAt = Date.now();
    const first = deliverSends(engine.pool, provider.adapter, [send], 'deliver:a#held');
    await provider.atProvider;
    // The call outlives the lease: the claim is handed back while the provider still has it.
    expect(await releaseExpiredClaims(engine.pool, LEASE, claimedAt + LEASE + 1000)).toBe(1);
    await stopJourney(engine.pool, 'welcome', at(T0 + 2 * HOUR));
    // It may be at the provider (it is): still counted sent, not refused by the stop.
    expect(await engine.sends()).toEqual([expect.objectContaining({ status: 'sending' })]);
    expect(await m1Counts()).toEqual({ sent: 1, notSent: 0 });
    // The old call answers; its holder lost the claim, so the batch's next workflow settles it,
    // without calling the provider again after the stop.
    provider.release();
    // It wrote nothing, so it reports nothing delivered.
    expect(await first).toBe(0);
    expect(await deliverSends(engine.pool, provider.adapter, [send], 'deliver:x:1#held')).toBe(0);
    expect(provider.calls).toEqual([send.idempotencyKey]);
    expect(await engine.sends()).toEqual([
      expect.objectContaining({ status: 'unknown', last_error: STOPPED_IN_FLIGHT_ERROR }),
    ]);
    expect(await m1Counts()).toEqual({ sent: 1, notSent: 0 });
  });

  for (const next of ['a re-run of its workflow', 'the workflow after its lease'] as const)
    it(`a send a crash left at the provider is not sent again after a stop, by ${next}`, async () => {
      const send = await oneSend();
      const claimedAt = Date.now();
      await leftAtProvider(send, 'deliver:a#held', claimedAt);
      await stopJourney(engine.pool, 'welcome', at(T0 + 2 * HOUR));
      expect(await m1Counts()).toEqual({ sent: 1, notSent: 0 });
      let claimer = 'deliver:a#held';
      let loaded = [send];
      if (next === 'the workflow after its lease') {
        expect(await releaseExpiredClaims(engine.pool, LEASE, claimedAt + LEASE)).toBe(1);
        claimer = 'deliver:x:1#held';
        const batch = await engine.pool.query<{ batch_id: string }>(
          'select batch_id from delivery_batches',
        );
        loaded = await undelivered(engine.pool, String(batch.rows[0]?.batch_id));
        expect(loaded).toEqual([send]);
      }
      const provider = heldProvider();
      provider.release();
      expect(await deliverSends(engine.pool, provider.adapter, loaded, claimer)).toBe(0);
      expect(provider.calls).toEqual([]);
      expect(await engine.sends()).toEqual([
        expect.objectContaining({ status: 'unknown', last_error: STOPPED_IN_FLIGHT_ERROR }),
      ]);
      expect(await m1Counts()).toEqual({ sent: 1, notSent: 0 });
    });

  /** m1, left at the provider by `claimer` (claimed a minute ago) when its journey is stopped. */
  async function stoppedAtProvider(claimer: string): Promise<OutboxSend> {
    const send = await oneSend();
    await leftAtProvider(send, claimer, Date.now() - MINUTE);
    await stopJourney(engine.pool, 'welcome', at(T0 + 2 * HOUR));
    return send;
  }

  /** Ends every claim as a lease of the previous release did: the sends are pending again. */
  async function releasedByOlderProcess(): Promise<void> {
    await engine.pool.query(
      `update outbox set status = 'pending', claimed_by = null, claimed_at = null
       where status = 'sending'`,
    );
  }

  /** What a send the provider may have ends as once its journey is stopped. */
  const endedInFlight = () =>
    expect.objectContaining({ status: 'unknown', last_error: STOPPED_IN_FLIGHT_ERROR });

  it('a send an older process set pending again after a stop ends unknown at the claim, still counted sent, not sent again', async () => {
    const send = await stoppedAtProvider('deliver:a#held');
    // During a rolling upgrade, a process of the previous release ends the lease as it did then:
    // the send is pending again, after the stop that left it alone while it was `sending`.
    await releasedByOlderProcess();
    const provider = heldProvider();
    provider.release();
    expect(await deliverSends(engine.pool, provider.adapter, [send], 'deliver:x:1#held')).toBe(0);
    expect(provider.calls).toEqual([]);
    expect(await engine.sends()).toEqual([endedInFlight()]);
    expect(await m1Counts()).toEqual({ sent: 1, notSent: 0 });
  });

  it('a send an older process set pending again before a stop ends unknown at the stop, still counted sent', async () => {
    const send = await oneSend();
    await leftAtProvider(send, 'deliver:a#held', Date.now() - MINUTE);
    await releasedByOlderProcess();
    await stopJourney(engine.pool, 'welcome', at(T0 + 2 * HOUR));
    expect(await engine.sends()).toEqual([endedInFlight()]);
    expect(await m1Counts()).toEqual({ sent: 1, notSent: 0 });
  });

  it('a send an older process set pending again ends unknown when its retries run out after a stop', async () => {
    const send = await stoppedAtProvider('deliver:a#held');
    await releasedByOlderProcess();
    await giveUpSends(engine.pool, [send.id], 'deliver:x:1#held', 'timed out');
    expect(await engine.sends()).toEqual([endedInFlight()]);
    expect(await m1Counts()).toEqual({ sent: 1, notSent: 0 });
  });

  it('a pending send no provider has, found after a stop when its retries run out, is refused by the stop', async () => {
    const send = await stoppedAtProvider('deliver:a#busy');
    // A process of the previous release gave it back after its provider's "not taken", and the
    // schema's migration found it pending in a batch no lease released: no provider has it.
    await engine.pool.query(
      `update outbox set status = 'pending', claimed_by = null, claimed_at = null,
         may_be_at_provider = false`,
    );
    await giveUpSends(engine.pool, [send.id], 'deliver:x:1#busy', 'timed out');
    expect(await engine.sends()).toEqual([
      expect.objectContaining({ status: 'failed', last_error: 'journey stopped' }),
    ]);
    expect(await m1Counts()).toEqual({ sent: 0, notSent: 1 });
  });

  it('a send at the provider when the stop came, which the provider asks to retry, ends refused by the stop', async () => {
    const send = await oneSend();
    let entered!: () => void;
    const atProvider = new Promise<void>((resolve) => (entered = resolve));
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const calls: string[] = [];
    const busy: DeliveryAdapter = {
      name: 'busy',
      perSend: true,
      handles: () => true,
      async deliver(sends) {
        calls.push(...sends.map((s) => s.idempotencyKey));
        entered();
        await answered;
        throw new NotTakenError('503');
      },
    };
    const first = deliverSends(engine.pool, busy, [send], 'deliver:a#busy');
    await atProvider;
    await stopJourney(engine.pool, 'welcome', at(T0 + 2 * HOUR));
    answer();
    await expect(first).rejects.toThrow();
    // Its retry finds nothing to send: the provider never took it, and the stop refuses it.
    expect(await deliverSends(engine.pool, busy, [send], 'deliver:a#busy')).toBe(0);
    expect(calls).toEqual([send.idempotencyKey]);
    expect(await engine.sends()).toEqual([
      expect.objectContaining({ status: 'failed', last_error: 'journey stopped' }),
    ]);
    expect(await m1Counts()).toEqual({ sent: 0, notSent: 1 });
  });
  it('a send the provider did not take after a stop is refused without waiting for profiles of the journey it does not concern', async () => {
    await publishVersion(engine.pool, engine.lookBack, 'welcome', 'v1', twoEmailWelcome(1), T0);
    await engine.signUp(2, T0 + MINUTE, 'p');
    await engine.batch(T0 + HOUR);
    const [send] = (await pendingSends()).filter((s) => s.profileId === 'p-00001');
    if (send === undefined) throw new Error('the engine made no send');
    let entered!: () => void;
    const atProvider = new Promise<void>((resolve) => (entered = resolve));
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const busy: DeliveryAdapter = {
      name: 'busy',
      perSend: true,
      handles: () => true,
      async deliver() {
        entered();
        await answered;
        throw new NotTakenError('503');
      },
    };
    // A lock wait ends in an error here instead of hanging the test.
    const url = new URL(String(engine.pool.options.connectionString));
    url.searchParams.set('options', '-c lock_timeout=2000');
    const delivery = new pg.Pool({ connectionString: url.toString(), max: 2 });
    const other = await engine.pool.connect();
    try {
      const first = deliverSends(delivery, busy, [send], 'deliver:a#busy');
      await atProvider;
      await stopJourney(engine.pool, 'welcome', at(T0 + 2 * HOUR));
      // Another profile of the journey, still active, is held by an engine batch meanwhile.
      await other.query('begin');
      await other.query(`select 1 from profiles where profile_id = 'p-00002' for update`);
      answer();
      await expect(first).rejects.toBeInstanceOf(NotTakenError);
    } finally {
      await other.query('rollback');
      other.release();
      await delivery.end();
    }
    expect(await engine.sends()).toEqual([
      expect.objectContaining({
        profile_id: 'p-00001',
        status: 'failed',
        last_error: 'journey stopped',
      }),
      expect.objectContaining({
        profile_id: 'p-00002',
        status: 'failed',
        last_error: 'journey stopped',
      }),
    ]);
    const counts = await readCounts(engine.pool, engine.catalog, 'welcome', 1, T0 + 3 * HOUR);
    expect(counts?.steps['m1']?.sent).toBe(0);
    expect(counts?.notSent?.['m1']?.journey_stopped).toBe(2);
  });

  it('a re-run claiming its unanswered send while a stop commits waits for the stop, and does not call the provider after it', async () => {
    const send = await oneSend();
    const claimer = 'deliver:a#held';
    await leftAtProvider(send, claimer, T0 + HOUR);
    let stopHoldsItsLock!: () => void;
    const stopping = new Promise<void>((resolve) => (stopHoldsItsLock = resolve));
    let finishStop!: () => void;
    const stopMayFinish = new Promise<void>((resolve) => (finishStop = resolve));
    // The stop reads its instant holding the stop lock, before it writes anything.
    const stop = stopJourney(engine.pool, 'welcome', async () => {
      stopHoldsItsLock();
      await stopMayFinish;
      return T0 + 2 * HOUR;
    });
    await stopping;
    const provider = heldProvider();
    provider.release();
    const rerun = deliverSends(engine.pool, provider.adapter, [send], claimer);
    // The re-run either waits for the stop lock or has already gone to the provider.
    const waitingForLock = async () =>
      (
        await engine.pool.query(
          `select 1 from pg_locks where locktype = 'advisory' and not granted
             and database = (select oid from pg_database where datname = current_database())`,
        )
      ).rowCount === 1;
    while (provider.calls.length === 0 && !(await waitingForLock()))
      await new Promise((resolve) => setTimeout(resolve, 10));
    finishStop();
    await stop;
    expect(await rerun).toBe(0);
    expect(provider.calls).toEqual([]);
    expect(await engine.sends()).toEqual([
      expect.objectContaining({ status: 'unknown', last_error: STOPPED_IN_FLIGHT_ERROR }),
    ]);
    expect(await m1Counts()).toEqual({ sent: 1, notSent: 0 });
  });

  for (const stopped of [false, true])
    it(`a send whose retries ran out without an answer ends ${stopped ? 'unknown after a stop' : 'failed with the last error'}, still counted sent`, async () => {
      const send = await oneSend();
      await leftAtProvider(send, 'deliver:a#held', T0 + HOUR);
      if (stopped) await stopJourney(engine.pool, 'welcome', at(T0 + 2 * HOUR));
      await giveUpSends(engine.pool, [send.id], 'deliver:a#held', 'timed out');
      expect(await engine.sends()).toEqual([
        stopped
          ? expect.objectContaining({ status: 'unknown', last_error: STOPPED_IN_FLIGHT_ERROR })
          : expect.objectContaining({ status: 'failed', last_error: 'timed out' }),
      ]);
      expect(await m1Counts()).toEqual({ sent: 1, notSent: 0 });
    });

  it('a send of a version published after a stop, which the provider asks to retry, waits for its retry', async () => {
    await publishVersion(engine.pool, engine.lookBack, 'welcome', 'v1', twoEmailWelcome(1), T0);
    await stopJourney(engine.pool, 'welcome', at(T0 + MINUTE));
    await publishVersion(
      engine.pool,
      engine.lookBack,
      'welcome',
      'v2',
      twoEmailWelcome(2),
      T0 + 2 * MINUTE,
    );
    await engine.signUp(1, T0 + 3 * MINUTE, 'p');
    await engine.batch(T0 + HOUR);
    const [send] = await pendingSends();
    expect(send?.version).toBe(2);
    const busy: DeliveryAdapter = {
      name: 'busy',
      perSend: true,
      handles: () => true,
      deliver: async () => {
        throw new NotTakenError('503');
      },
    };
    await expect(
      deliverSends(engine.pool, busy, send === undefined ? [] : [send], 'deliver:a#busy'),
    ).rejects.toThrow();
    expect(await engine.sends()).toEqual([
      expect.objectContaining({ status: 'pending', last_error: null }),
    ]);
  });
  it('a send whose call got no answer stays claimed while its retry waits: a stop leaves it counted sent, and the retry does not send it after the stop', async () => {
    const send = await oneSend();
    const calls: string[] = [];
    const unreachable: DeliveryAdapter = {
      name: 'unreachable',
      perSend: true,
      handles: () => true,
      deliver: async (sends) => {
        calls.push(...sends.map((s) => s.idempotencyKey));
        throw new TypeError('fetch failed'); // a timeout, a reset connection: it may have arrived
      },
    };
    await expect(deliverSends(engine.pool, unreachable, [send], 'deliver:a#u')).rejects.toThrow();
    expect(await engine.sends()).toEqual([expect.objectContaining({ status: 'sending' })]);
    await stopJourney(engine.pool, 'welcome', at(T0 + 2 * HOUR));
    expect(await m1Counts()).toEqual({ sent: 1, notSent: 0 });
    expect(await deliverSends(engine.pool, unreachable, [send], 'deliver:a#u')).toBe(0);
    expect(calls).toEqual([send.idempotencyKey]);
    expect(await engine.sends()).toEqual([
      expect.objectContaining({ status: 'unknown', last_error: STOPPED_IN_FLIGHT_ERROR }),
    ]);
  });
});
