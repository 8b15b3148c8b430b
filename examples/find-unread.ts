/**
 * The unread messages of the inbox: FindItem (ids only, unread only, newest first, at most ten),
 * then GetItem of those ten with their subjects and senders, read one item at a time as they arrive. `client` carries the transport:
 * the stand-in in the tests, your server otherwise.
 *
 * Run against a server: `npm run build`, then
 *   EWS_URL=https://mail.contoso.com/EWS/Exchange.asmx EWS_CODEGEN_USERNAME='CONTOSO\me' \
 *   EWS_CODEGEN_PASSWORD=… EWS_AUTH=ntlm node dist/examples/find-unread.js
 * (EWS_AUTH=basic for Basic, or EWS_CODEGEN_BEARER_TOKEN=… for OAuth).
 */
import { fileURLToPath } from 'node:url';
import { EwsClient } from '../generated/ews/index.js';
import { basicAuth, bearerAuth, httpTransport, ntlmAuth, type Authenticator } from '../generated/runtime/index.js';

export interface UnreadMessage {
  id: string;
  subject: string;
  from: string;
}

export async function findUnread(client: EwsClient, max = 10): Promise<{ total: number; messages: UnreadMessage[] }> {
  const found = await client.findItem({
    Traversal: 'Shallow',
    ItemShape: { BaseShape: 'IdOnly' },
    IndexedPageItemView: { MaxEntriesReturned: max, Offset: 0, BasePoint: 'Beginning' },
    Restriction: {
      SearchExpression: {
        $element: 'IsEqualTo',
        Path: { $element: 'FieldURI', FieldURI: 'message:IsRead' },
        FieldURIOrConstant: { Constant: { Value: 'false' } },
      },
    },
    SortOrder: {
      FieldOrder: [{ Order: 'Descending', Path: { $element: 'FieldURI', FieldURI: 'item:DateTimeReceived' } }],
    },
    ParentFolderIds: { $items: [{ $element: 'DistinguishedFolderId', Id: 'inbox' }] },
  });
  const root = found.body.ResponseMessages.$items[0];
  if (root?.$element !== 'FindItemResponseMessage' || !root.RootFolder) return { total: 0, messages: [] };
  const ids = (root.RootFolder.Items?.$items ?? [])
    .flatMap((item) => (item.ItemId ? [item.ItemId.Id] : []))
    .slice(0, max);
  if (!ids.length) return { total: root.RootFolder.TotalItemsInView ?? 0, messages: [] };
  // GetItem read item by item as the response arrives (a message that failed throws EwsResponseError).
  const got = await client.streamGetItem({
    ItemShape: {
      BaseShape: 'IdOnly',
      AdditionalProperties: {
        Path: [
          { $element: 'FieldURI', FieldURI: 'item:Subject' },
          { $element: 'FieldURI', FieldURI: 'message:From' },
        ],
      },
    },
    ItemIds: { $items: ids.map((Id) => ({ $element: 'ItemId' as const, Id })) },
  });
  const messages: UnreadMessage[] = [];
  for await (const { item } of got.items())
    messages.push({
      id: item.ItemId?.Id ?? '',
      subject: item.Subject ?? '',
      from: ('From' in item ? item.From?.Mailbox.EmailAddress : undefined) ?? '',
    });
  return { total: root.RootFolder.TotalItemsInView ?? messages.length, messages };
}

/** The authenticator the environment asks for (the same variables as `ews-codegen call`). */
function authFromEnv(): Authenticator | undefined {
  const {
    EWS_CODEGEN_USERNAME: user,
    EWS_CODEGEN_PASSWORD: password,
    EWS_CODEGEN_BEARER_TOKEN: token,
    EWS_AUTH: kind,
  } = process.env;
  if (user && password) return kind === 'ntlm' ? ntlmAuth({ username: user, password }) : basicAuth(user, password);
  if (token) return bearerAuth(async () => token);
  return undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const url = process.env.EWS_URL;
  if (!url) {
    process.stderr.write('find-unread: set EWS_URL (and credentials) to run against a server\n');
    process.exit(2);
  }
  const auth = authFromEnv();
  const transport = httpTransport({ url, ...(auth ? { auth } : {}) });
  try {
    const { total, messages } = await findUnread(
      new EwsClient(transport, { headers: { RequestServerVersion: { Version: 'Exchange2016' } } }),
    );
    process.stdout.write(`${total} unread\n${messages.map((m) => `${m.from}\t${m.subject}`).join('\n')}\n`);
  } catch (e) {
    process.stderr.write(`find-unread: ${(e as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    transport.close();
  }
}
