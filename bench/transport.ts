/**
 * npm run bench:transport — the per-call overhead of the SDK's HTTP transport: an envelope out
 * and the response text in, over loopback, against a bare node:http POST of the same bytes with
 * a kept-alive agent, measured in the same run.
 *
 * The server runs in a process of its own and answers every POST with the same recorded
 * FindItem response, so that the client side is what differs. The two clients take turns, in
 * rounds of CALLS sequential calls each; a figure is the median over the rounds of the ratio
 * within a round (the two ran one right after the other), printed with its range: these 2-core
 * machines are noisy. The last line is one JSON object, for tracking over time.
 */
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { FindItemRequest } from '../generated/ews/operations.js';
import { httpTransport } from '../generated/runtime/index.js';

const ROUNDS = 11;
const CALLS = 2000;
const require = createRequire(import.meta.url);
const payloads = require('../../../shared/bench/gen-payloads.js') as { makeFindItem(n: number): unknown; renderFindItem(model: unknown): string };

if (process.argv[2] === 'server') {
  const { createServer } = await import('node:http');
  const body = Buffer.from(payloads.renderFindItem(payloads.makeFindItem(10)));
  const server = createServer((req, res) => {
    req.on('data', () => {});
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': body.length });
      res.end(body);
    });
  });
  server.listen(0, '127.0.0.1', () => process.send!((server.address() as { port: number }).port));
} else {
  const child = fork(new URL(import.meta.url).pathname, ['server'], { stdio: 'inherit' });
  const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve(m as number)));
  const url = `http://127.0.0.1:${port}/EWS/Exchange.asmx`;
  const envelope = new FindItemRequest(
    { Traversal: 'Shallow', ItemShape: { BaseShape: 'IdOnly' }, ParentFolderIds: { $items: [{ $element: 'DistinguishedFolderId', Id: 'inbox' }] } },
    { RequestServerVersion: { Version: 'Exchange2016' } },
  ).toEnvelope();
  const action = 'http://schemas.microsoft.com/exchange/services/2006/messages/FindItem';

  // The baseline: what anyone would write with node:http alone.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const bytes = Buffer.from(envelope);
  const bare = () =>
    new Promise<string>((resolve, reject) => {
      const req = request(
        { method: 'POST', hostname: '127.0.0.1', port, path: '/EWS/Exchange.asmx', agent, headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${action}"`, 'Content-Length': bytes.length } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(bytes);
    });
  const transport = httpTransport({ url, retry: { concurrency: 1 } });
  const ours = () => transport.send({ envelope, soapAction: action, operation: 'FindItem' }).then((r) => r.text);

  const time = async (f: () => Promise<string>) => {
    const start = performance.now();
    for (let i = 0; i < CALLS; i++) await f();
    return (performance.now() - start) / CALLS;
  };
  if ((await bare()) !== (await ours())) throw new Error('the two clients read different bodies');
  await time(bare);
  await time(ours); // warm-up
  const ratios: number[] = [];
  const perCall: { bare: number; ours: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which goes first, so that neither always meets the other's garbage.
    let b: number;
    let o: number;
    if (r % 2) {
      b = await time(bare);
      o = await time(ours);
    } else {
      o = await time(ours);
      b = await time(bare);
    }
    ratios.push(o / b);
    perCall.push({ bare: b, ours: o });
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  const median = sorted[ROUNDS >> 1]!;
  const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
  const mid = perCall[ratios.indexOf(median)]!;
  console.log(`transport per call vs bare node:http POST (${CALLS} sequential calls x ${ROUNDS} rounds, FindItem over loopback):`);
  console.log(`  ${median.toFixed(3)}x (range ${sorted[0]!.toFixed(3)}–${sorted[ROUNDS - 1]!.toFixed(3)}); median round: ours ${us(mid.ours)}, bare ${us(mid.bare)} per call; goal ≤ 1.2x`);
  console.log(JSON.stringify({ transportRatio: { median, min: sorted[0], max: sorted[ROUNDS - 1] } }));
  transport.close();
  agent.destroy();
  child.kill();
}
