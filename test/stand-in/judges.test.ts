import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FindItemRequest } from '../../generated/ews/operations.js';
import { startStandIn, type StandIn } from '../../generator/stand-in/server.js';
import { selfSignedCert } from '../support/network.js';
import { tempDir } from '../support/temp.js';

/*
 * The stand-in judged by clients that are not ours: curl --ntlm and python3-requests-ntlm
 * (pyspnego's NTLM, with key exchange, MIC and channel binding) authenticate against its NTLM
 * acceptor, and exchangelib, a real EWS client, sends requests that its strict reading must
 * accept.
 */
const run = promisify(execFile);
const PASSWORD = 'Corr3ct-Horse';
const dir = tempDir('judges');
const tls = selfSignedCert();
const ENVELOPE = new FindItemRequest(
  { Traversal: 'Shallow', ItemShape: { BaseShape: 'IdOnly' }, ParentFolderIds: { $items: [{ $element: 'DistinguishedFolderId', Id: 'inbox' }] } },
  { RequestServerVersion: { Version: 'Exchange2016' } },
).toEnvelope();
const handlers = {
  FindItem: () => ({
    ResponseMessages: {
      $items: [
        {
          $element: 'FindItemResponseMessage' as const,
          ResponseClass: 'Success' as const,
          ResponseCode: 'NoError' as const,
          RootFolder: { TotalItemsInView: 0, IncludesLastItemInRange: true, Items: { $items: [] } },
        },
      ],
    },
  }),
};
let plain: StandIn;
let secure: StandIn;

beforeAll(async () => {
  writeFileSync(join(dir, 'envelope.xml'), ENVELOPE);
  writeFileSync(join(dir, 'cert.pem'), tls.cert);
  const ntlm = [{ username: 'CONTOSO\\alice', password: PASSWORD }];
  plain = await startStandIn({ handlers, auth: { ntlm } });
  secure = await startStandIn({ handlers, tls, auth: { ntlm, extendedProtection: 'require' } });
});

afterAll(async () => {
  await plain.close();
  await secure.close();
});

const curl = (user: string) =>
  run('curl', ['-s', '-o', '-', '-w', '\\n%{http_code}', '--ntlm', '-u', user, '-H', 'Content-Type: text/xml; charset=utf-8', '--data-binary', `@${join(dir, 'envelope.xml')}`, plain.url]).then((r) => r.stdout);

describe('curl --ntlm against the stand-in', () => {
  it('authenticates with the right password and gets the FindItem response', async () => {
    const out = await curl(`CONTOSO\\alice:${PASSWORD}`);
    expect(out.endsWith('\n200')).toBe(true);
    expect(out).toContain('<m:FindItemResponseMessage ResponseClass="Success">');
    expect(plain.requests.at(-1)!.user).toBe('CONTOSO\\alice');
  });

  it('is refused with a wrong one', async () => {
    expect((await curl('CONTOSO\\alice:wrong')).endsWith('\n401')).toBe(true);
    expect(plain.requests.at(-1)!.user).toBeUndefined();
  });
});

// Debian's requests-ntlm hashes with hashlib's MD4, which OpenSSL 3 keeps in its legacy provider;
// importing cryptography's OpenSSL backend loads that provider (over https requests-ntlm does it
// itself, for the channel binding). Without it, requests-ntlm fails over http on Debian 12.
const REQUESTS_NTLM = `
from cryptography.hazmat.backends.openssl import backend
import sys, requests
from requests_ntlm import HttpNtlmAuth
url, password, envelope, ca = sys.argv[1:5]
r = requests.post(url, data=open(envelope, 'rb').read(), headers={'Content-Type': 'text/xml; charset=utf-8'},
                  auth=HttpNtlmAuth('CONTOSO\\\\alice', password), verify=ca)
print(r.status_code)
`;

describe('python3-requests-ntlm against the stand-in', () => {
  const requestsNtlm = (url: string, password: string) => run('/usr/bin/python3', ['-c', REQUESTS_NTLM, url, password, join(dir, 'envelope.xml'), join(dir, 'cert.pem')]).then((r) => r.stdout.trim());

  it('authenticates over http', async () => {
    expect(await requestsNtlm(plain.url, PASSWORD)).toBe('200');
  });

  it('authenticates over https with Extended Protection Require (its channel binding and MIC are verified)', async () => {
    expect(await requestsNtlm(secure.url.replace('127.0.0.1', 'localhost'), PASSWORD)).toBe('200');
    expect(secure.requests.at(-1)!.user).toBe('CONTOSO\\alice');
    expect(secure.requests.at(-1)!.ntlm).toEqual({ mic: true, channelBound: true, keyExchange: true });
    expect(await requestsNtlm(secure.url.replace('127.0.0.1', 'localhost'), 'wrong')).toBe('401');
  });
});

const EXCHANGELIB = `
import sys
from exchangelib import Configuration, Credentials, NTLM, Version, Build, Account, DELEGATE
url, password = sys.argv[1:3]
config = Configuration(service_endpoint=url, credentials=Credentials('CONTOSO\\\\alice', password), auth_type=NTLM,
                       version=Version(build=Build(15, 1, 2507, 6), api_version='Exchange2016'))
account = Account('alice@contoso.example', config=config, autodiscover=False, access_type=DELEGATE)
print(account.protocol.resolve_names(['alice'])[0].email_address)
for item in account.inbox.filter(is_read=False).only('subject')[:10]:
    print(item.subject)
`;

describe('exchangelib (a real EWS client) against the stand-in', () => {
  it('authenticates with NTLM, and every request it sends passes strict reading', async () => {
    const s = await startStandIn({
      tls,
      auth: { ntlm: [{ username: 'CONTOSO\\alice', password: PASSWORD }] },
      handlers: {
        ResolveNames: () => ({
          ResponseMessages: {
            $items: [
              {
                $element: 'ResolveNamesResponseMessage',
                ResponseClass: 'Success',
                ResponseCode: 'NoError',
                ResolutionSet: { TotalItemsInView: 1, IncludesLastItemInRange: true, Resolution: [{ Mailbox: { Name: 'Alice', EmailAddress: 'alice@contoso.example', RoutingType: 'SMTP', MailboxType: 'Mailbox' } }] },
              },
            ],
          },
        }),
        GetFolder: (req) => ({
          ResponseMessages: {
            $items: req.body.FolderIds.$items.map((f) => ({
              $element: 'GetFolderResponseMessage' as const,
              ResponseClass: 'Success' as const,
              ResponseCode: 'NoError' as const,
              Folders: { $items: [{ $element: 'Folder' as const, FolderId: { Id: `id-${f.Id}`, ChangeKey: 'AQ==' }, DisplayName: f.Id, FolderClass: 'IPF.Note', TotalCount: 0, ChildFolderCount: 0, UnreadCount: 0 }] },
            })),
          },
        }),
        FindItem: () => ({
          ResponseMessages: {
            $items: [
              {
                $element: 'FindItemResponseMessage',
                ResponseClass: 'Success',
                ResponseCode: 'NoError',
                RootFolder: { TotalItemsInView: 1, IncludesLastItemInRange: true, Items: { $items: [{ $element: 'Message', ItemId: { Id: 'AAMk1', ChangeKey: 'CQ==' }, Subject: 'Hello from the stand-in', IsRead: false }] } },
              },
            ],
          },
        }),
      },
    });
    try {
      const out = await run('/usr/bin/python3', ['-c', EXCHANGELIB, s.url.replace('127.0.0.1', 'localhost'), PASSWORD], { env: { ...process.env, REQUESTS_CA_BUNDLE: join(dir, 'cert.pem') } });
      expect(out.stdout).toBe('alice@contoso.example\nHello from the stand-in\n');
      const answered = s.requests.filter((r) => r.status !== 401);
      expect(answered.map((r) => [r.operation, r.status])).toEqual([
        ['ResolveNames', 200],
        ['GetFolder', 200],
        ['GetFolder', 200],
        ['FindItem', 200],
      ]);
      // What exchangelib asked for, as our strict reader read it.
      expect(answered[3]!.body).toMatchObject({ Traversal: 'Shallow', ParentFolderIds: { $items: [{ $element: 'DistinguishedFolderId', Id: 'inbox' }] } });
    } finally {
      await s.close();
    }
  });
});
