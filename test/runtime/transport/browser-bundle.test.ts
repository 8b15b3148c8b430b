import { runInContext, createContext } from 'node:vm';
import { join } from 'node:path';
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { startStandIn } from '../../../generator/stand-in/server.js';

const ROOT = join(import.meta.dirname, '../../..');

/*
 * Where there is no Node: the SDK bundled for the browser by esbuild (saxes bundled in, through
 * runtime/sax.ts's require) runs in a context that has the web platform's globals and neither
 * `process` nor `require`, and talks to the stand-in through fetchTransport with Basic.
 */
it('bundled for the browser, the SDK and fetchTransport work without process or require', async () => {
  const s = await startStandIn({
    auth: { basic: [{ username: 'alice', password: 'pw' }] },
    handlers: {
      FindItem: () => ({
        ResponseMessages: {
          $items: [{ $element: 'FindItemResponseMessage', ResponseClass: 'Success', ResponseCode: 'NoError', RootFolder: { TotalItemsInView: 7, IncludesLastItemInRange: true, Items: { $items: [] } } }],
        },
      }),
    },
  });
  try {
    const bundle = await build({
      stdin: {
        contents: `import { EwsClient } from './generated/ews/client.js';
import { basicAuth, fetchTransport } from './generated/runtime/index.js';
globalThis.findInbox = (url) =>
  new EwsClient(fetchTransport({ url, auth: basicAuth('alice', 'pw'), allowHttp: true }))
    .findItem({ Traversal: 'Shallow', ItemShape: { BaseShape: 'IdOnly' }, ParentFolderIds: { $items: [{ $element: 'DistinguishedFolderId', Id: 'inbox' }] } })
    .then((r) => r.body.ResponseMessages.$items[0].RootFolder.TotalItemsInView);`,
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    const context = createContext({ fetch, AbortController, TextDecoder, TextEncoder, URL, crypto, setTimeout, clearTimeout });
    runInContext(bundle.outputFiles[0]!.text, context);
    expect(runInContext('[typeof process, typeof require]', context)).toEqual(['undefined', 'undefined']);
    expect(await runInContext(`findInbox(${JSON.stringify(s.url)})`, context)).toBe(7);
  } finally {
    await s.close();
  }
});
