// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.
/*
 * Throttling and retries as Microsoft documents them for EWS: a busy server says how long to
 * back off (BackOffMilliseconds in the ErrorServerBusy fault or response message, Retry-After
 * on a 503 or 429) and that hint is obeyed exactly; without one, capped exponential back-off
 * with jitter. All calls of one transport share one pause deadline (when the server is busy,
 * it is busy for every call) and one concurrency limit, lowered on busy answers and raised
 * again slowly. Each call has a wait budget: a hint beyond what is left fails at once, with the
 * wait the server asked for, rather than sleeping and then failing. A request that may have
 * reached the server is sent again only when the operation changes nothing.
 */
import type { AbortSignalLike } from '../auth/authenticator.js';
import { EwsResponseError, EwsSoapFaultError } from '../soap.js';
import { EwsAbortError, EwsHttpError, EwsNetworkError, EwsThrottledError, EwsTimeoutError } from './errors.js';

/** Time, injectable so that tests do not sleep. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignalLike): Promise<void>;
}

interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
export const timers = globalThis as unknown as Timers;

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new EwsAbortError(signal.reason));
      const onAbort = () => {
        timers.clearTimeout(handle);
        reject(new EwsAbortError(signal?.reason));
      };
      const handle = timers.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** Response codes that mean "try again later" ([MS-OXWSCDATA] ResponseCodeType; EWS throttling docs). */
export const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'ErrorServerBusy',
  'ErrorInternalServerTransientError',
  'ErrorInsufficientResources',
  'ErrorADUnavailable',
  'ErrorTooManyObjectsOpened',
  'ErrorExceededConnectionCount',
]);

/** Codes after which fewer calls should run at once. */
const LOWERS_CONCURRENCY = new Set(['ErrorServerBusy', 'ErrorExceededConnectionCount', 'http 503', 'http 429']);

/**
 * Operations that change nothing on the server, so that a request that may have reached it can
 * be sent again: every Get*, Find* and Sync*, and the few other reads.
 */
export function isReadOnlyOperation(name: string): boolean {
  return (
    /^(Get|Find|Sync)/.test(name) ||
    ['ResolveNames', 'ExpandDL', 'ConvertId', 'ExportItems', 'IsUMEnabled'].includes(name)
  );
}

export interface RetryOptions {
  /** Most time one call may spend waiting for retries and pauses, in ms (default 60,000). */
  waitBudgetMs?: number;
  /** Most retries of one call (default 10). */
  maxRetries?: number;
  /** First back-off without a server hint, in ms (default 500); doubled per retry… */
  baseDelayMs?: number;
  /** …up to this (default 30,000). */
  maxDelayMs?: number;
  /** Most calls in flight at once (default 4, below Exchange Online's ConcurrentSyncCalls of 5). */
  concurrency?: number;
  clock?: Clock;
  /** In [0, 1): the jitter of back-off without a hint (default Math.random). */
  random?: () => number;
}

export interface RetryEvent {
  operation: string;
  /** `ErrorServerBusy`, `http 503`, `network ECONNRESET`, … */
  reason: string;
  delayMs: number;
  /** The attempt that failed (1 for the first). */
  attempt: number;
  /** True when the delay is what the server asked for. */
  hinted: boolean;
}

export interface CallInfo {
  operation: string;
  /** May a request that reached the server be sent again? */
  idempotent: boolean;
  signal?: AbortSignalLike;
}

interface Verdict {
  reason: string;
  hintMs?: number;
  throttling: boolean;
}

/** Why an attempt may be retried, or undefined when it may not. */
export function retryVerdict(error: unknown, call: CallInfo): Verdict | undefined {
  if (error instanceof EwsSoapFaultError || error instanceof EwsResponseError) {
    const code = error.responseCode;
    if (!code || !TRANSIENT_CODES.has(code)) return undefined;
    const hint = error instanceof EwsSoapFaultError ? error.fault.backOffMilliseconds : error.backOffMilliseconds;
    return { reason: code, throttling: true, ...(hint !== undefined && Number.isFinite(hint) ? { hintMs: hint } : {}) };
  }
  if (error instanceof EwsHttpError) {
    if (error.status !== 503 && error.status !== 429) return undefined;
    return {
      reason: `http ${error.status}`,
      throttling: true,
      ...(error.retryAfterMs !== undefined ? { hintMs: error.retryAfterMs } : {}),
    };
  }
  if (error instanceof EwsNetworkError || error instanceof EwsTimeoutError) {
    if ((error.maybeSent && !call.idempotent) || (error instanceof EwsNetworkError && !error.retryable))
      return undefined;
    return { reason: error instanceof EwsNetworkError ? `network ${error.code}` : `timeout`, throttling: false };
  }
  return undefined;
}

/** Counts calls in flight against a limit that busy answers lower. */
class Limiter {
  private active = 0;
  private successes = 0;
  private readonly waiting: (() => void)[] = [];
  limit: number;

  constructor(private readonly max: number) {
    this.limit = max;
  }

  async acquire(signal?: AbortSignalLike): Promise<void> {
    while (this.active >= this.limit) {
      if (signal?.aborted) throw new EwsAbortError(signal.reason);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.active++;
  }

  release(): void {
    this.active--;
    this.waiting.shift()?.();
  }

  lower(): void {
    this.limit = Math.max(1, this.limit - 1);
    this.successes = 0;
  }

  /** Ten answers in a row without a busy one raise the limit by one, up to the configured most. */
  succeeded(): void {
    if (this.limit < this.max && ++this.successes >= 10) {
      this.limit++;
      this.successes = 0;
      this.waiting.shift()?.();
    }
  }
}

export class RetryPolicy {
  private pauseUntil = 0;
  private pauseReason = '';
  private readonly limiter: Limiter;
  readonly clock: Clock;
  private readonly budget: number;
  private readonly maxRetries: number;
  private readonly base: number;
  private readonly cap: number;
  private readonly random: () => number;

  constructor(
    options: RetryOptions = {},
    private readonly onRetry?: (event: RetryEvent) => void,
  ) {
    this.limiter = new Limiter(Math.max(1, options.concurrency ?? 4));
    this.clock = options.clock ?? systemClock;
    this.budget = options.waitBudgetMs ?? 60_000;
    this.maxRetries = options.maxRetries ?? 10;
    this.base = options.baseDelayMs ?? 500;
    this.cap = options.maxDelayMs ?? 30_000;
    this.random = options.random ?? Math.random;
  }

  /** How many calls may be in flight now. */
  get concurrency(): number {
    return this.limiter.limit;
  }

  /** Runs `attempt` until it succeeds, fails for good, or the wait budget is spent. */
  async run<T>(call: CallInfo, attempt: () => Promise<T>): Promise<T> {
    let waited = 0;
    for (let n = 1; ; n++) {
      waited += await this.sharedPause(call, waited);
      await this.limiter.acquire(call.signal);
      let ownWait = 0;
      try {
        const result = await attempt();
        this.limiter.succeeded();
        return result;
      } catch (error) {
        const verdict = retryVerdict(error, call);
        if (!verdict) throw error;
        if (LOWERS_CONCURRENCY.has(verdict.reason)) this.limiter.lower();
        const delay = Math.max(0, Math.round(verdict.hintMs ?? this.backOff(n)));
        if (verdict.throttling && this.clock.now() + delay > this.pauseUntil) {
          this.pauseUntil = this.clock.now() + delay;
          this.pauseReason = verdict.reason;
        }
        if (n > this.maxRetries) {
          if (!verdict.throttling) throw error;
          throw new EwsThrottledError(verdict.reason, delay, `still busy after ${this.maxRetries} retries`);
        }
        if (waited + delay > this.budget) {
          if (!verdict.throttling) throw error;
          throw new EwsThrottledError(
            verdict.reason,
            delay,
            `the server asks to wait ${delay} ms, more than the ${this.budget - waited} ms left of this call's ${this.budget} ms wait budget`,
          );
        }
        this.onRetry?.({
          operation: call.operation,
          reason: verdict.reason,
          delayMs: delay,
          attempt: n,
          hinted: verdict.hintMs !== undefined,
        });
        // A throttling wait is the shared pause, slept at the top of the loop; any other is this call's own.
        ownWait = verdict.throttling ? 0 : delay;
      } finally {
        this.limiter.release();
      }
      if (ownWait) {
        await this.clock.sleep(ownWait, call.signal);
        waited += ownWait;
      }
    }
  }

  /** Waits for the pause every call of this transport shares; returns how long it waited. */
  private async sharedPause(call: CallInfo, waited: number): Promise<number> {
    let slept = 0;
    for (let left = this.pauseUntil - this.clock.now(); left > 0; left = this.pauseUntil - this.clock.now()) {
      if (waited + slept + left > this.budget) {
        throw new EwsThrottledError(
          this.pauseReason,
          left,
          `every call waits ${left} ms for the server, more than the ${this.budget - waited - slept} ms left of this call's wait budget`,
        );
      }
      await this.clock.sleep(left, call.signal);
      slept += left;
    }
    return slept;
  }

  private backOff(attempt: number): number {
    const full = Math.min(this.cap, this.base * 2 ** (attempt - 1));
    return full / 2 + (full / 2) * this.random();
  }
}
