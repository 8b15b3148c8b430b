import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { EwsClient } from '../../generated/ews/client.js';
import type { GetStreamingEventsResponseType } from '../../generated/ews/messages.js';
import type { NotificationTypeEntry } from '../../generated/ews/types.js';
import {
  EwsAbortError,
  EwsNetworkError,
  EwsResponseError,
  httpTransport,
  streamingEvents,
  type EwsTransport,
  type StreamingEvent,
} from '../../generated/runtime/index.js';
import { startStandIn, type StandIn, type StreamingStep } from '../../generator/stand-in/server.js';

/*
 * streamingEvents (templates/runtime/streaming-events.ts) against the stand-in's streaming mode:
 * one long response of several envelopes, pauses, keep-alives, then a close or a reset; the
 * iterator connects again (at once after a close, after a back-off after a reset), keeps the
 * affinity cookie, and hands each event on once.
 */
const VERSION = { RequestServerVersion: { Version: 'Exchange2016' as const } };
const open: { stop(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.stop();
});

const event = (n: number) => ({
  $element: 'NewMailEvent' as const,
  Watermark: `AQAAAA${n}==`,
  TimeStamp: `2026-12-02T10:00:0${n % 10}Z`,
  ItemId: { Id: `AAMk${n}=` },
  ParentFolderId: { Id: 'AQMkInbox=' },
});
/** One envelope: the events of sub1 (none: a keep-alive), with its connection status. */
const envelope = (events: number[], status: 'OK' | 'Closed' = 'OK'): { envelope: GetStreamingEventsResponseType } => ({
  envelope: {
    ResponseMessages: {
      $items: [
        {
          $element: 'GetStreamingEventsResponseMessage',
          ResponseClass: 'Success',
          ResponseCode: 'NoError',
          ...(events.length ? { Notifications: { Notification: [{ SubscriptionId: 'sub1', $items: events.map(event) }] } } : {}),
          ConnectionStatus: status,
        },
      ],
    },
  },
});

async function setUp(plan: (call: number) => readonly StreamingStep[]): Promise<{ s: StandIn; client: EwsClient }> {
  const s = await startStandIn({ streamingEvents: (call) => plan(call) });
  open.push({ stop: () => s.close() });
  // No retries in the transport: the back-offs measured are the iterator's own.
  const t: EwsTransport = httpTransport({ url: s.url, retry: { maxRetries: 0 } });
  open.push({ stop: () => t.close() });
  return { s, client: new EwsClient(t, { headers: VERSION }) };
}

/** The first `n` events, with the back-offs the iterator waited. */
async function take(client: EwsClient, n: number, attempts = 5) {
  const waits: number[] = [];
  const events: StreamingEvent<{ Watermark?: string }>[] = [];
  const iterator = streamingEvents(client, ['sub1'], {
    connectionTimeout: 1,
    attempts,
    backOffMs: 10,
    sleep: async (ms) => void waits.push(ms),
  });
  for await (const e of iterator) {
    events.push(e);
    if (events.length === n) break;
  }
  return { events: events.map((e) => `${e.subscriptionId} ${e.event.Watermark}`), waits };
}

describe('streamingEvents', () => {
  it('reads the events of every envelope of a long response, and connects again at once when the server closes it', async () => {
    const { s, client } = await setUp((call) =>
      call === 1
        ? [envelope([1, 2]), { pause: 30 }, envelope([]), { pause: 30 }, envelope([3]), envelope([], 'Closed'), { end: 'close' }]
        : // The next connection brings event 3 again (the server had not seen it taken), then 4.
          [envelope([3, 4]), { pause: 2000 }, { end: 'close' }],
    );
    const { events, waits } = await take(client, 4);
    expect(events).toEqual(['sub1 AQAAAA1==', 'sub1 AQAAAA2==', 'sub1 AQAAAA3==', 'sub1 AQAAAA4==']);
    expect(waits).toEqual([]);
    const calls = s.requests.filter((r) => r.operation === 'GetStreamingEvents');
    expect(calls).toHaveLength(2);
    // Subscriptions live on one mailbox server: the affinity header each time, the cookie the first answer set on the second.
    expect(calls.map((r) => r.headers['x-preferserveraffinity'])).toEqual(['true', 'true']);
    expect(calls[1]!.headers.cookie).toMatch(/^X-BackEndOverrideCookie=EXCH01/);
    expect(calls[0]!.body).toMatchObject({ SubscriptionIds: { SubscriptionId: ['sub1'] }, ConnectionTimeout: 1 });
  });

  it('connects again after a back-off when the connection drops, and gives up after the attempts in a row', async () => {
    const { client } = await setUp((call) => (call === 1 ? [envelope([1]), { pause: 20 }, { end: 'reset' }] : call === 2 ? [{ end: 'reset' }] : [envelope([2]), { pause: 2000 }]));
    const { events, waits } = await take(client, 2);
    expect(events).toEqual(['sub1 AQAAAA1==', 'sub1 AQAAAA2==']);
    // The drop after event 1 (the first failure since it), then the one at once (the second): doubling.
    expect(waits).toEqual([10, 20]);

    const { client: dead } = await setUp(() => [{ end: 'reset' }]);
    const error = await take(dead, 1, 3).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EwsNetworkError);
  });

  it('ends with the subscription’s error, without connecting again', async () => {
    const { s, client } = await setUp(() => [
      {
        envelope: {
          ResponseMessages: {
            $items: [
              {
                $element: 'GetStreamingEventsResponseMessage',
                ResponseClass: 'Error',
                MessageText: 'The subscription is no longer valid.',
                ResponseCode: 'ErrorInvalidSubscription',
                DescriptiveLinkKey: 0,
                ErrorSubscriptionIds: { SubscriptionId: ['sub1'] },
                ConnectionStatus: 'Closed',
              },
            ],
          },
        },
      },
      { end: 'close' },
    ]);
    const error = await take(client, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EwsResponseError);
    expect(error).toMatchObject({ responseCode: 'ErrorInvalidSubscription' });
    expect(s.requests.filter((r) => r.operation === 'GetStreamingEvents')).toHaveLength(1);
  });

  it('is typed by the client: the events of a NotificationType', async () => {
    const { client } = await setUp(() => []);
    // tsc checks this line (npm run typecheck): the event is a NotificationType entry, `$element` and all.
    expectTypeOf(streamingEvents(client, ['sub1'])).toEqualTypeOf<
      AsyncGenerator<StreamingEvent<NotificationTypeEntry>, never, undefined>
    >();
  });

  it('stops at the signal', async () => {
    const { client } = await setUp(() => [envelope([1]), { pause: 5000 }]);
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await (async () => {
      for await (const e of streamingEvents(client, ['sub1'], { signal: controller.signal })) {
        seen.push(e.subscriptionId);
        controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['sub1']);
    expect(error).toBeInstanceOf(EwsAbortError);
  });
});
