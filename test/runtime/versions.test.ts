import { describe, expect, it } from 'vitest';
import { EwsClient } from '../../generated/ews/client.js';
import { VERSION_TABLE } from '../../generated/ews/versions.js';
import { EwsVersionError } from '../../generated/runtime/versions.js';

/** A client whose transport only counts what reaches it. */
function client(version: string) {
  const sent: string[] = [];
  const ews = new EwsClient(
    async (_envelope, action) => {
      sent.push(action);
      throw new Error('sent');
    },
    { headers: { RequestServerVersion: { Version: version } }, versions: VERSION_TABLE },
  );
  return { ews, sent };
}

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(e instanceof EwsVersionError)) throw new Error(`expected an EwsVersionError, got ${String(e)}`);
  return { path: e.path, since: e.since, requested: e.requested, message: e.message };
};

describe('requests checked against the RequestServerVersion they name', () => {
  const phoneCall = { PhoneCallId: { Id: 'x' } };
  const message = { Items: { $items: [{ $element: 'Message' as const, Subject: 'hi', IsAssociated: true }] } };
  const folders = {
    FolderShape: { BaseShape: 'IdOnly' as const },
    ParentFolderIds: { $items: [{ $element: 'DistinguishedFolderId' as const, Id: 'recoverableitemsroot' as const }] },
    Traversal: 'Shallow' as const,
  };

  it('refuses, before sending, an operation, a property and a value that came after the version asked for', async () => {
    const { ews, sent } = client('Exchange2007_SP1');
    expect(await refusal(ews.getPhoneCallInformation(phoneCall))).toMatchObject({
      path: 'GetPhoneCallInformation',
      since: 'Exchange2010_SP1',
      requested: 'Exchange2007_SP1',
      message: "GetPhoneCallInformation: not in Exchange2007_SP1's schema; it came with Exchange2010_SP1",
    });
    expect(await refusal(ews.createItem(message))).toMatchObject({
      path: '/m:CreateItem/m:Items/t:Message/t:IsAssociated',
      since: 'Exchange2010_SP1',
    });
    expect(await refusal(ews.findFolder(folders))).toMatchObject({
      path: '/m:FindFolder/m:ParentFolderIds/t:DistinguishedFolderId/@Id = recoverableitemsroot',
      since: 'Exchange2010_SP1',
    });
    expect(sent).toEqual([]);
  });

  it('sends the same requests for the newest version', async () => {
    const { ews, sent } = client('V2017_07_11');
    for (const call of [ews.getPhoneCallInformation(phoneCall), ews.createItem(message), ews.findFolder(folders)])
      await expect(call).rejects.toThrow('sent');
    expect(sent).toHaveLength(3);
  });

  it('refuses a version the schemas do not list', async () => {
    const { ews, sent } = client('Exchange2019');
    await expect(ews.getPhoneCallInformation(phoneCall)).rejects.toThrow(
      'RequestServerVersion "Exchange2019" is not a version these schemas list: one of Exchange2007, Exchange2007_SP1,',
    );
    expect(sent).toEqual([]);
  });
});
