import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandIn, type StandIn } from '../generator/stand-in/server.js';
import { docExamples } from './support/docs.js';
import { writeFiles } from './support/schemas.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/ews-codegen.js');
const PASSWORD = 'n0t-in-0utput';
const FIND = { Traversal: 'Shallow', ItemShape: { BaseShape: 'IdOnly' }, ParentFolderIds: { $items: [{ $element: 'DistinguishedFolderId', Id: 'inbox' }] } };

function cli(args: string[], env: Record<string, string> = {}, input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, EWS_CODEGEN_USERNAME: '', EWS_CODEGEN_PASSWORD: '', EWS_CODEGEN_BEARER_TOKEN: '', ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin!.end(input);
    else child.stdin!.end();
  });
}

/** Unset variables for the CLI: an empty value counts as set, so they are deleted. */
const noCredentials = () => {
  for (const k of ['EWS_CODEGEN_USERNAME', 'EWS_CODEGEN_PASSWORD', 'EWS_CODEGEN_BEARER_TOKEN']) delete process.env[k];
};

let standIn: StandIn;
let dir: string;

beforeAll(async () => {
  noCredentials();
  dir = await writeFiles({
    'find.json': JSON.stringify(FIND),
    'bad.json': '{ "Traversal": ',
    'resolve.json': JSON.stringify({ ReturnFullContactData: false, UnresolvedEntry: 'alice' }),
    'responses/FindItem.xml': docExamples(/^finditem-operation\.md$/)[1]!.xml,
  });
  standIn = await startStandIn({
    auth: { basic: [{ username: 'alice', password: PASSWORD }], ntlm: [{ username: 'CONTOSO\\alice', password: PASSWORD }] },
    responses: join(dir, 'responses'),
    faults: [{ operation: 'GetItem', fault: { kind: 'server-busy', backOffMs: 999_999 } }, { operation: 'ResolveNames', fault: { kind: 'html-500' } }],
    autodiscoverHandlers: {
      // The stand-in's own EWS URL, so that `call --autodiscover` goes on to it.
      GetUserSettings: () => ({
        Response: {
          ErrorCode: 'NoError',
          UserResponses: { UserResponse: [{ ErrorCode: 'NoError', UserSettings: { UserSetting: [{ $type: 'StringSetting', Name: 'ExternalEwsUrl', Value: standIn.url }] } }] },
        },
      }),
    },
  });
});

afterAll(async () => {
  await standIn.close();
});

describe('ews-codegen call', () => {
  const basic = { EWS_CODEGEN_USERNAME: 'alice', EWS_CODEGEN_PASSWORD: PASSWORD };

  it('prints the typed response body as JSON, exit 0 (Basic, and NTLM with --auth ntlm)', async () => {
    for (const [env, extra] of [[basic, []], [{ ...basic, EWS_CODEGEN_USERNAME: 'CONTOSO\\alice' }, ['--auth', 'ntlm']]] as const) {
      const r = await cli(['call', 'FindItem', '--url', standIn.url, '--allow-http', '--body', join(dir, 'find.json'), ...extra], env);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).ResponseMessages.$items[0]).toMatchObject({ ResponseClass: 'Success', RootFolder: { TotalItemsInView: 10 } });
    }
  });

  it('reads the body from stdin with --body -', async () => {
    const r = await cli(['call', 'FindItem', '--url', standIn.url, '--allow-http', '--body', '-'], basic, JSON.stringify(FIND));
    expect(r.code).toBe(0);
  });

  it.each([
    ['a wrong password', ['FindItem', '--body', 'find.json'], { ...basic, EWS_CODEGEN_PASSWORD: 'wrong' }, /^ews-codegen: auth: the server refused the credentials \(we sent Basic; the server offers NTLM, Negotiate, Basic\)\n$/],
    ['no credentials', ['FindItem', '--body', 'find.json'], {}, /^ews-codegen: auth: the server asks for credentials and the transport has none \(we sent none; the server offers NTLM, Negotiate, Basic\)\n$/],
    ['the body of another operation', ['GetItem', '--body', 'find.json'], basic, /^ews-codegen: xml: \/soap:Envelope\/soap:Body\/m:GetItem: /],
    ['an IIS error page', ['ResolveNames', '--body', 'resolve.json'], basic, /^ews-codegen: http 500: 500 - Internal server error\./],
    ['a body that is not JSON', ['FindItem', '--body', 'bad.json'], basic, /^ews-codegen: --body .*bad\.json is not JSON: /],
    ['an operation that does not exist', ['FindItems'], basic, /^ews-codegen: no operation FindItems in the EWS schema\n$/],
    ['a body the schema rejects', ['GetFolder'], basic, /^ews-codegen: xml: \/soap:Envelope\/soap:Body\/m:GetFolder: missing required element FolderShape\n$/],
  ])('exits 1 with one line on %s, and no secret in it', async (_, [op, ...rest], env, line) => {
    const args = rest.map((a) => (a.endsWith('.json') ? join(dir, a) : a));
    const r = await cli(['call', op!, '--url', standIn.url, '--allow-http', ...args], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(line);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stdout).toBe('');
    expect(r.stderr + r.stdout).not.toContain(PASSWORD);
  });

  it('a throttling hint beyond the budget is one throttled line', async () => {
    const r = await cli(['call', 'GetItem', '--url', standIn.url, '--allow-http', '--body', '-'], basic, JSON.stringify({ ItemShape: { BaseShape: 'IdOnly' }, ItemIds: { $items: [{ $element: 'ItemId', Id: 'AAMk=' }] } }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ews-codegen: throttled: ErrorServerBusy: the server asks to wait 999999 ms, more than the 60000 ms left of this call's 60000 ms wait budget\n$/);
  });

  it('refuses credentials over http:// without --allow-http', async () => {
    const r = await cli(['call', 'FindItem', '--url', standIn.url, '--body', join(dir, 'find.json')], basic);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ews-codegen: config: Basic credentials over plain http:\/\/ are refused/);
  });
});

describe('ews-codegen discover', () => {
  const basic = { EWS_CODEGEN_USERNAME: 'alice', EWS_CODEGEN_PASSWORD: PASSWORD };

  it('prints the EWS URL first, then what Autodiscover said; call --autodiscover goes on to it', async () => {
    const r = await cli(['discover', 'alice@contoso.example', '--autodiscover-url', standIn.autodiscoverUrl, '--allow-http'], basic);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([standIn.url, 'email: alice@contoso.example', `autodiscover: ${standIn.autodiscoverUrl}`, 'server version: Exchange2013_SP1']);
    const call = await cli(['call', 'FindItem', '--autodiscover', 'alice@contoso.example', '--autodiscover-url', standIn.autodiscoverUrl, '--allow-http', '--body', join(dir, 'find.json')], basic);
    expect(call.stderr).toBe('');
    expect(JSON.parse(call.stdout).ResponseMessages.$items[0].ResponseClass).toBe('Success');
  });

  it('exits 1 with one line naming the last step when nothing answers, no secret in it', async () => {
    const r = await cli(['discover', 'bob@nowhere.invalid'], basic);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ews-codegen: discover: no Autodiscover endpoint answered for bob@nowhere\.invalid \(last: _autodiscover\._tcp\.nowhere\.invalid: .+\)\n$/);
    expect(r.stderr).not.toContain(PASSWORD);
  });
});

describe('ews-codegen serve', () => {
  let child: ChildProcess | undefined;
  afterAll(() => void child?.kill());

  it('prints where it listens, answers from --responses, refuses what the schema rejects, logs each request', async () => {
    child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--responses', join(dir, 'responses')], { cwd: ROOT, env: { ...process.env } });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d));
    for (let i = 0; i < 100 && !out.includes('\n'); i++) await new Promise((r) => setTimeout(r, 50));
    const url = /^listening on (http:\/\/127\.0\.0\.1:\d+\/EWS\/Exchange\.asmx)\n/.exec(out)?.[1];
    expect(url).toBeDefined();
    const ok = await cli(['call', 'FindItem', '--url', url!, '--body', join(dir, 'find.json')]);
    expect(ok.code).toBe(0);
    const bad = await cli(['call', 'GetItem', '--url', url!, '--body', '-'], {}, JSON.stringify({ ItemShape: { BaseShape: 'IdOnly' }, ItemIds: { $items: [{ $element: 'ItemId', Id: 'AAMk=' }] } }));
    expect(bad.stderr).toBe('ews-codegen: fault: ErrorInvalidOperation: The stand-in has no handler and no recorded response for GetItem.\n');
    for (let i = 0; i < 40 && out.split('\n').length < 4; i++) await new Promise((r) => setTimeout(r, 50));
    expect(out.split('\n').slice(1, 3)).toEqual(['1 FindItem 200', '2 GetItem 500']);
    child.kill('SIGTERM');
    const code = await new Promise((r) => child!.once('exit', r));
    expect(code).toBe(0);
  });

  it('exits 1 with one line when the port is taken', async () => {
    const r = await cli(['serve', '--port', String(standIn.port)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`ews-codegen: cannot listen on 127.0.0.1:${standIn.port}: EADDRINUSE\n`);
  });
});
