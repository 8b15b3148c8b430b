import { build } from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The descriptors and writers of generated/ews/schema.ts refer to each other directly, and
 * nothing runs at import but what is marked pure: a bundler keeps only what an import reaches.
 * (How much that weighs is a benchmark, `npm run bench:size`; this holds what it keeps.)
 */
const ROOT = join(import.meta.dirname, '../..');

async function bundle(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    external: ['saxes'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('a bundle of one operation', () => {
  it('keeps the descriptors, writers and enumerations the operation reaches, and none other', async () => {
    const code =
      await bundle(`import { DisconnectPhoneCallRequest, DisconnectPhoneCallResponse } from './generated/ews/operations.js';
console.log(new DisconnectPhoneCallRequest({ PhoneCallId: { Id: 'x' } }).toEnvelope(), DisconnectPhoneCallResponse.fromEnvelope);`);
    for (const kept of [
      'PhoneCallIdType$',
      'DisconnectPhoneCallResponseMessageType$',
      'ResponseCodeType$',
      'ExchangeImpersonationType$',
      'ServerVersionInfo$',
    ])
      expect(code, kept).toContain(`var ${kept} =`);
    for (const writer of ['writePhoneCallIdType', 'writeDisconnectPhoneCallType', 'writeConnectingSIDType'])
      expect(code, writer).toContain(`function ${writer}(`);
    // A client writes requests: the types only a response holds have no writer (the generic one writes them).
    for (const dropped of ['writeResponseMessageType', 'contentOfResponseMessageType', 'writeServerVersionInfo'])
      expect(code, dropped).not.toContain(dropped);
    for (const dropped of [
      'FindItemType$',
      'CalendarItemType$',
      'writeMessageType',
      'DistinguishedFolderIdNameType',
      'm_GetItem',
    ])
      expect(code, dropped).not.toContain(dropped);
    // The reader's deviation table, without the reasons written for people (SERVER_DEVIATIONS).
    expect(code).toContain('NonEmptyArrayOfPeriodsType');
    expect(code).not.toContain('captured responses');
  });
});
