import { describe, expect, it } from 'vitest';
import { EwsClient } from '../../generated/ews/client.js';
import { httpTransport } from '../../generated/runtime/index.js';
import { startStandIn } from '../../generator/stand-in/server.js';
import { fakeClock } from '../support/network.js';

/*
 * 1,000 calls at concurrency 16 against the stand-in, every tenth answer ErrorServerBusy: each
 * call is answered once, no CreateItem reaches the server's handler twice, nothing is left
 * unhandled, and the heap does not grow with the number of calls.
 */
describe('load: 1,000 requests at concurrency 16 with 10 % ServerBusy', () => {
  it('answers every request exactly once', async () => {
    const handled = new Map<string, number>();
    const count = (key: string) => handled.set(key, (handled.get(key) ?? 0) + 1);
    const s = await startStandIn({
      handlers: {
        CreateItem: (req) => {
          const item = req.body.Items!.$items[0] as { Subject?: string };
          count(item.Subject!);
          return { ResponseMessages: { $items: [{ $element: 'CreateItemResponseMessage', ResponseClass: 'Success', ResponseCode: 'NoError', Items: {} }] } };
        },
        GetItem: (req) => {
          const id = (req.body.ItemIds.$items[0] as { Id: string }).Id;
          count(id);
          return { ResponseMessages: { $items: [{ $element: 'GetItemResponseMessage', ResponseClass: 'Success', ResponseCode: 'NoError', Items: { $items: [{ $element: 'Message', ItemId: { Id: id }, Subject: `subject of ${id}` }] } }] } };
        },
      },
      faults: ({ n }) => (n % 10 === 0 ? { kind: 'server-busy', backOffMs: 3 } : undefined),
    });
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    const clock = fakeClock();
    const transport = httpTransport({ url: s.url, retry: { concurrency: 16, clock } });
    const client = new EwsClient(transport, { headers: { RequestServerVersion: { Version: 'Exchange2016' } } });
    const one = async (i: number) => {
      if (i % 2) {
        const r = await client.createItem({ MessageDisposition: 'SaveOnly', Items: { $items: [{ $element: 'Message', Subject: `item-${i}` }] } });
        return r.ok;
      }
      const r = await client.getItem({ ItemShape: { BaseShape: 'IdOnly' }, ItemIds: { $items: [{ $element: 'ItemId', Id: `id-${i}` }] } });
      const message = r.body.ResponseMessages.$items[0] as { Items?: { $items: { Subject?: string }[] } };
      return message.Items!.$items[0]!.Subject === `subject of id-${i}`;
    };
    let heapAfterWarmUp = 0;
    try {
      const results: boolean[] = [];
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < 1000; i = next++) {
          results[i] = await one(i);
          if (i === 200) heapAfterWarmUp = process.memoryUsage().heapUsed;
        }
      };
      await Promise.all(Array.from({ length: 16 }, worker));
      expect(results.filter(Boolean)).toHaveLength(1000);
      expect(handled.size).toBe(1000);
      expect([...handled.values()].every((n) => n === 1)).toBe(true);
      const busy = s.requests.filter((r) => r.fault === 'server-busy').length;
      expect(busy).toBeGreaterThanOrEqual(100);
      expect(s.requests).toHaveLength(1000 + busy);
      expect(clock.sleeps.every((ms) => ms <= 3)).toBe(true);
      expect(unhandled).toEqual([]);
      // Memory stays flat: the last 800 calls add no more than a few MB of heap.
      expect(process.memoryUsage().heapUsed - heapAfterWarmUp).toBeLessThan(40 * 1024 * 1024);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      transport.close();
      await s.close();
    }
  });
});
