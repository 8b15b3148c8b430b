// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.
/*
 * The notifications of streaming subscriptions as one async iterator, over as many
 * GetStreamingEvents connections as it takes. Exchange holds each response open for the
 * connection timeout asked for (1 to 30 minutes), writing an envelope per batch of events and
 * keep-alives between, then ends it with ConnectionStatus Closed: the iterator then connects
 * again at once. A connection that drops, times out or is refused as busy (what the transport's
 * retry policy would retry: retryVerdict) is connected again after a back-off; the events are pulled from the subscription's queue on the server, so none
 * is lost in between, and one seen before (by its watermark) is not handed on twice. The
 * subscriptions live on one mailbox server: the transport keeps Exchange's affinity cookie from
 * Subscribe and sends it with every GetStreamingEvents.
 */
import type { AbortSignalLike } from './auth/authenticator.js';
import type { CallOptions } from './client.js';
import { EwsAbortError, EwsNetworkError, EwsThrottledError } from './transport/errors.js';
import { retryVerdict, systemClock } from './transport/retry.js';

/** An event of a subscription, as handed on. */
export interface StreamingEvent<Event> {
  subscriptionId: string;
  /** The event (`$element` says which: CreatedEvent, NewMailEvent, StatusEvent, …). */
  event: Event;
}

export interface StreamingEventsOptions {
  /** Minutes the server holds each connection open (1–30, default 30). */
  connectionTimeout?: number;
  /** Stops the iterator (it then throws EwsAbortError). */
  signal?: AbortSignalLike;
  /** Connections that fail in a row before the iterator gives up with the last error (default 5). */
  attempts?: number;
  /** The back-off before the first reconnection after a failure, doubling after each (default 1,000 ms; at most 60,000). */
  backOffMs?: number;
  /** Waits, injectable for tests. */
  sleep?: (ms: number, signal?: AbortSignalLike) => Promise<void>;
}

/** A notification of GetStreamingEvents, as far as the iterator reads it. */
interface Notification<Event> {
  SubscriptionId: string;
  $items?: readonly Event[];
}

/** What the iterator needs of a generated client: its GetStreamingEvents, read item by item. */
export interface StreamingEventsClient<Item> {
  streamGetStreamingEvents(
    request: { SubscriptionIds: { SubscriptionId: string[] }; ConnectionTimeout: number },
    headers?: undefined,
    options?: CallOptions,
  ): Promise<{ items(): AsyncIterable<{ item: Item }> }>;
}

type EventOf<Item> = Item extends Notification<infer Event> ? Event : never;

/** GetStreamingEvents changes nothing: sending it again is safe, whatever reached the server. */
const RECONNECT = { operation: 'GetStreamingEvents', idempotent: true };
const MAX_BACK_OFF = 60_000;

/** How many watermarks per subscription are remembered to tell an event seen before. */
const REMEMBERED = 1024;

/**
 * The events of `subscriptionIds` (streaming subscriptions made by Subscribe) as they arrive:
 * `for await (const { subscriptionId, event } of streamingEvents(client, [id]))`. It ends only
 * by an error: the subscription's (ErrorSubscriptionNotFound, …, as EwsResponseError), the
 * last of `attempts` failed connections in a row, or the signal.
 */
export async function* streamingEvents<Item>(
  client: StreamingEventsClient<Item>,
  subscriptionIds: readonly string[],
  options: StreamingEventsOptions = {},
): AsyncGenerator<StreamingEvent<EventOf<Item>>, never, undefined> {
  const minutes = options.connectionTimeout ?? 30;
  const attempts = options.attempts ?? 5;
  const sleep = options.sleep ?? systemClock.sleep;
  const seen = new Map<string, string[]>();
  /** Whether an event was handed on before (a reconnection may bring it again); remembers it if not. */
  const isNew = (id: string, watermark: string | undefined): boolean => {
    if (watermark === undefined) return true;
    const list = seen.get(id) ?? [];
    if (list.includes(watermark)) return false;
    list.push(watermark);
    if (list.length > REMEMBERED) list.shift();
    seen.set(id, list);
    return true;
  };
  let failures = 0;
  const backOff = (failure: number) => Math.min(MAX_BACK_OFF, (options.backOffMs ?? 1000) * 2 ** (failure - 1));
  for (;;) {
    if (options.signal?.aborted) throw new EwsAbortError(options.signal.reason);
    let delay: number | undefined;
    const started = Date.now();
    let handed = false;
    let endedAtOnce = false;
    try {
      const stream = await client.streamGetStreamingEvents(
        { SubscriptionIds: { SubscriptionId: [...subscriptionIds] }, ConnectionTimeout: minutes },
        undefined,
        {
          // The server ends the response after the connection timeout; a minute more before we do.
          timeoutMs: (minutes + 1) * 60_000,
          ...(options.signal ? { signal: options.signal } : {}),
        },
      );
      for await (const { item } of stream.items()) {
        handed = true;
        failures = 0;
        // Besides notifications, a message lists the subscriptions it failed for (strings): its error follows.
        if (typeof item !== 'object' || item === null) continue;
        const n = item as unknown as Notification<EventOf<Item>>;
        for (const event of n.$items ?? [])
          if (isNew(n.SubscriptionId, (event as { Watermark?: string }).Watermark))
            yield { subscriptionId: n.SubscriptionId, event };
      }
      // The server ended the response, as it does after the timeout: connect again at once. One
      // ended at once with nothing in it counts as a failure, so that such a server is not called in a loop.
      endedAtOnce = !handed && Date.now() - started < 1000;
      if (!endedAtOnce) failures = 0;
    } catch (e) {
      if (e instanceof EwsAbortError || options.signal?.aborted) throw e;
      // What the transport would retry may pass by the next connection, as may a call it gave up waiting for.
      const verdict = e instanceof EwsThrottledError ? { hintMs: e.retryAfterMs } : retryVerdict(e, RECONNECT);
      if (!verdict || ++failures >= attempts) throw e;
      delay = Math.min(MAX_BACK_OFF, Math.max(backOff(failures), verdict.hintMs ?? 0));
    }
    if (endedAtOnce) {
      if (++failures >= attempts)
        throw new EwsNetworkError('ECONNRESET', true, 'the server ends every GetStreamingEvents at once');
      delay = backOff(failures);
    }
    if (delay !== undefined) await sleep(delay, options.signal);
  }
}
