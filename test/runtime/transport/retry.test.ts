import { describe, expect, it } from 'vitest';
import { EwsResponseError, EwsSoapFaultError } from '../../../generated/runtime/soap.js';
import { EwsHttpError, EwsNetworkError, EwsThrottledError } from '../../../generated/runtime/transport/errors.js';
import { isReadOnlyOperation, RetryPolicy, retryVerdict, type Clock } from '../../../generated/runtime/transport/retry.js';

const busy = (ms: number) => new EwsSoapFaultError({ faultcode: 'a:ErrorServerBusy', faultstring: 'busy', responseCode: 'ErrorServerBusy', backOffMilliseconds: ms });

/** A clock whose sleeps wait until the test lets time pass. */
function manualClock() {
  let time = 0;
  const sleepers: { until: number; resolve: () => void }[] = [];
  const clock: Clock = {
    now: () => time,
    sleep: (ms) => new Promise<void>((resolve) => sleepers.push({ until: time + ms, resolve })),
  };
  const advance = async (ms: number) => {
    time += ms;
    for (const s of sleepers.splice(0)) (s.until <= time ? s.resolve : () => sleepers.push(s))();
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  const settle = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return { clock, advance, settle, sleeping: () => sleepers.map((s) => s.until - time) };
}

describe('RetryPolicy', () => {
  it('one pause for every call of a transport: a call made while another waits for a busy server waits too', async () => {
    const { clock, advance, settle, sleeping } = manualClock();
    const policy = new RetryPolicy({ clock });
    const sent: string[] = [];
    let first = true;
    const a = policy.run({ operation: 'FindItem', idempotent: true }, async () => {
      sent.push('a');
      if (first) {
        first = false;
        throw busy(2000);
      }
      return 'a done';
    });
    await settle();
    expect(sleeping()).toEqual([2000]);
    const b = policy.run({ operation: 'GetItem', idempotent: true }, async () => (sent.push('b'), 'b done'));
    await advance(500);
    expect(sent).toEqual(['a']); // b has not gone out while the server said it was busy
    expect(sleeping()).toEqual([1500, 1500]);
    await advance(1500);
    expect(await Promise.all([a, b])).toEqual(['a done', 'b done']);
    expect(sent.sort()).toEqual(['a', 'a', 'b']);
  });

  it('a shared pause longer than what is left of a call’s budget fails that call at once', async () => {
    const { clock, settle } = manualClock();
    const policy = new RetryPolicy({ clock, waitBudgetMs: 10_000 });
    void policy.run({ operation: 'FindItem', idempotent: true }, async () => {
      throw busy(30_000);
    }).catch(() => {});
    await settle();
    const e = await policy.run({ operation: 'GetItem', idempotent: true }, async () => 'never').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EwsThrottledError);
    expect((e as EwsThrottledError).reason).toBe('ErrorServerBusy');
  });

  it('without a hint, capped exponential back-off with jitter', async () => {
    const sleeps: number[] = [];
    let time = 0;
    const clock: Clock = { now: () => time, sleep: async (ms) => void sleeps.push(ms, (time += ms)) };
    const policy = new RetryPolicy({ clock, random: () => 1 - Number.EPSILON, baseDelayMs: 100, maxDelayMs: 350, maxRetries: 4, waitBudgetMs: 1e9 });
    let n = 0;
    await policy.run({ operation: 'FindItem', idempotent: true }, async () => {
      if (++n <= 4) throw new EwsHttpError(503, '');
      return n;
    });
    expect(sleeps.filter((_, i) => i % 2 === 0).map(Math.round)).toEqual([100, 200, 350, 350]);
  });

  it('gives up after maxRetries with a throttling error', async () => {
    const clock: Clock = { now: () => 0, sleep: async () => {} };
    const policy = new RetryPolicy({ clock, maxRetries: 2 });
    let n = 0;
    const e = await policy.run({ operation: 'FindItem', idempotent: true }, async () => {
      n++;
      throw busy(0);
    }).catch((x: unknown) => x);
    expect(n).toBe(3);
    expect((e as Error).message).toBe('throttled: ErrorServerBusy: still busy after 2 retries');
  });

  it('the concurrency limit holds calls back and rises again after ten answers in a row', async () => {
    const policy = new RetryPolicy({ concurrency: 2, clock: { now: () => 0, sleep: async () => {} } });
    let inFlight = 0;
    let most = 0;
    const work = () =>
      policy.run({ operation: 'GetItem', idempotent: true }, async () => {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 2));
        inFlight--;
      });
    await Promise.all(Array.from({ length: 8 }, work));
    expect(most).toBe(2);
    let once = true;
    await policy.run({ operation: 'GetItem', idempotent: true }, async () => {
      if (once) {
        once = false;
        throw busy(0);
      }
    });
    expect(policy.concurrency).toBe(1);
    for (let i = 0; i < 10; i++) await work();
    expect(policy.concurrency).toBe(2);
  });
});

describe('retryVerdict', () => {
  it('retries transient codes, in a fault or in a response message, and nothing else', () => {
    const call = { operation: 'CreateItem', idempotent: false };
    expect(retryVerdict(busy(5), call)).toEqual({ reason: 'ErrorServerBusy', throttling: true, hintMs: 5 });
    expect(retryVerdict(new EwsResponseError('ErrorServerBusy', 'busy', 0, {}, 9), call)).toEqual({ reason: 'ErrorServerBusy', throttling: true, hintMs: 9 });
    expect(retryVerdict(new EwsResponseError('ErrorItemNotFound', 'gone', 0, {}), call)).toBeUndefined();
    expect(retryVerdict(new EwsHttpError(500, 'boom'), call)).toBeUndefined();
    expect(retryVerdict(new Error('anything'), call)).toBeUndefined();
  });

  it('a request that may have reached the server is sent again only when idempotent', () => {
    const lost = new EwsNetworkError('ECONNRESET', true, 'lost');
    const refused = new EwsNetworkError('ECONNREFUSED', false, 'refused');
    expect(retryVerdict(lost, { operation: 'CreateItem', idempotent: false })).toBeUndefined();
    expect(retryVerdict(lost, { operation: 'GetItem', idempotent: true })).toEqual({ reason: 'network ECONNRESET', throttling: false });
    expect(retryVerdict(refused, { operation: 'CreateItem', idempotent: false })).toEqual({ reason: 'network ECONNREFUSED', throttling: false });
    expect(retryVerdict(new EwsNetworkError('CERT_HAS_EXPIRED', false, 'x', false), { operation: 'GetItem', idempotent: true })).toBeUndefined();
  });

  it('knows which operations change nothing', () => {
    expect(['GetItem', 'FindItem', 'SyncFolderItems', 'ResolveNames', 'ExpandDL', 'ConvertId', 'GetUserAvailability'].every(isReadOnlyOperation)).toBe(true);
    expect(['CreateItem', 'SendItem', 'UpdateItem', 'DeleteItem', 'MoveItem', 'Subscribe', 'PlayOnPhone'].some(isReadOnlyOperation)).toBe(false);
  });
});
