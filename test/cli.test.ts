import { execFile } from 'node:child_process';
import { readFile, readdir, writeFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docExamples } from './support/docs.js';
import { MAIN_SET, SHARED_EWS, T, writeFiles, xsd } from './support/schemas.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/ews-codegen.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as users do (`node bin/ews-codegen.js …`; the bin loads the built dist/). */
function cli(args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Every file under a folder with its content, to show a failed run left it exactly as it was. */
async function snapshotDir(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile())
      out[join(e.parentPath, e.name).slice(dir.length)] = await readFile(join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

const BROKEN: Record<string, { files: Record<string, string>; error: RegExp }> = {
  'an unknown type reference': {
    files: {
      'root.xsd': xsd(
        `  <xs:complexType name="A">\n    <xs:sequence><xs:element name="X" type="t:PhoneCallIdTyp"/></xs:sequence>\n  </xs:complexType>`,
      ),
    },
    error: /^root\.xsd:4:18: unknown type t:PhoneCallIdTyp$/,
  },
  'a missing import file': {
    files: { 'root.xsd': xsd(`  <xs:import namespace="urn:o" schemaLocation="types.xsd"/>`) },
    error: /^root\.xsd:3:3: cannot read types\.xsd: file not found$/,
  },
  'an unclosed tag': {
    files: { 'root.xsd': xsd(`  <xs:complexType name="A">\n    <xs:sequence>\n  </xs:complexType>`) },
    error: /^root\.xsd:5:\d+: malformed XML: unexpected close tag\.?$/,
  },
  'an unsupported construct': {
    files: { 'root.xsd': xsd(`  <xs:notation name="n" public="p"/>`) },
    error: /^root\.xsd:3:3: xs:notation is not supported inside xs:schema$/,
  },
  'a circular include': {
    files: {
      'root.xsd': `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${T}">\n  <xs:include schemaLocation="part.xsd"/>\n</xs:schema>\n`,
      'part.xsd': `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${T}">\n  <xs:include schemaLocation="root.xsd"/>\n</xs:schema>\n`,
    },
    error: /^part\.xsd:2:3: circular xs:include: root\.xsd → part\.xsd → root\.xsd$/,
  },
};

describe('ews-codegen generate', () => {
  describe.each(Object.entries(BROKEN))('on %s', (_, { files, error }) => {
    it('prints one line naming file:line:col, exits 1 and leaves the output as it was', async () => {
      const dir = await writeFiles(files);
      const out = await writeFiles({ 'ews/types.ts': '// the previous output\n', 'ews/index.ts': 'export {};\n' });
      const before = await snapshotDir(out);
      const run = await cli(['generate', '--schemas', join(dir, 'root.xsd'), '--out', out], {}, dir);
      expect(run.code).toBe(1);
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(error);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(await snapshotDir(out)).toEqual(before);
      expect((await readdir(dirname(out))).filter((n) => n.startsWith(out.split('/').pop() + '.'))).toEqual([]);
    });
  });

  it('writes the output, prints progress, and --check finds it fresh, then stale', async () => {
    const out = join(await writeFiles({}), 'generated');
    const run = await cli(['generate', '--versions', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/read 3 files \(services\.wsdl, messages\.xsd, types\.xsd\), resolved \d+ types/);
    expect(run.stderr).toMatch(/wrote \d+ files to .* in \d+\.\d\d s/);
    expect(await snapshotDir(out)).toEqual(await snapshotDir(join(ROOT, 'generated')));

    expect((await cli(['generate', '--versions', '--check', '--out', out])).code).toBe(0);
    await writeFile(join(out, 'ews/types.ts'), '// edited by hand\n');
    await writeFile(join(out, 'ews/extra.ts'), 'export {};\n');
    await rm(join(out, 'ews/enums.ts'));
    const stale = await cli(['generate', '--versions', '--check', '--out', out]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('ews/types.ts (differs)');
    expect(stale.stderr).toContain('ews/extra.ts (not generated any more)');
    expect(stale.stderr).toContain('ews/enums.ts (missing)');
  });

  it('names the schema version in every header and in SCHEMA_VERSION; --schema-version overrides it', async () => {
    const header = (text: string) => text.split('\n')[0];
    const committed = await readFile(join(ROOT, 'generated/ews/index.ts'), 'utf8');
    expect(header(committed)).toBe('// Generated by ews-codegen from services.wsdl (V2017_07_11). Do not edit.');
    expect(committed).toContain("export const SCHEMA_VERSION = 'V2017_07_11';");
    const out = join(await writeFiles({}), 'generated');
    expect(
      (await cli(['generate', '--out', out, '--operations', 'GetItem', '--schema-version', 'V2017_07_11'])).code,
    ).toBe(0);
    for (const f of ['index', 'types', 'schema', 'operations'])
      expect(header(await readFile(join(out, `ews/${f}.ts`), 'utf8'))).toBe(
        '// Generated by ews-codegen from services.wsdl (V2017_07_11). Do not edit.',
      );
    expect(await readFile(join(out, 'ews/index.ts'), 'utf8')).toContain("export const SCHEMA_VERSION = 'V2017_07_11';");
    const bad = await cli(['generate', '--out', out, '--schema-version', "x'; alert(1)"]);
    expect([bad.code, bad.stderr.trimEnd().split('\n')]).toEqual([
      1,
      [`ews-codegen: --schema-version "x'; alert(1)": letters, digits, _ and . only (like V2017_07_11)`],
    ]);
  });

  it('runs through the package bin with npx', async () => {
    const out = join(await writeFiles({}), 'out');
    const result = await new Promise<Run>((resolve) => {
      execFile(
        'npx',
        ['--no-install', 'ews-codegen', 'generate', '--versions', '--out', out],
        { cwd: ROOT },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(result.code).toBe(0);
    expect(await snapshotDir(out)).toEqual(await snapshotDir(join(ROOT, 'generated')));
  });

  it('rejects unknown options with usage and exit 2', async () => {
    const run = await cli(['generate', '--shemas', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unknown option '--shemas'");
  });
});

describe('ews-codegen generate --schemas https://HOST/EWS/Services.wsdl', () => {
  const USER = 'contoso\\codegen';
  const PASSWORD = 's3cret-Pa55';
  let server: Server;
  let base: string;
  const seen: { url: string; auth?: string }[] = [];

  beforeAll(async () => {
    // Exchange serves the three documents under /EWS/; the WSDL is asked for as Services.wsdl.
    server = createServer(async (req, res) => {
      seen.push({ url: req.url ?? '', ...(req.headers.authorization ? { auth: req.headers.authorization } : {}) });
      const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
      if (req.headers.authorization !== expected) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="EWS"' }).end();
        return;
      }
      const name = /^\/EWS\/([A-Za-z.]+)$/.exec(req.url ?? '')?.[1]?.toLowerCase();
      if (!name || !['services.wsdl', 'messages.xsd', 'types.xsd'].includes(name)) {
        res.writeHead(404).end();
        return;
      }
      res
        .writeHead(200, { 'content-type': 'text/xml; charset=utf-8' })
        .end(await readFile(join(SHARED_EWS, MAIN_SET, name)));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const credentials = { EWS_CODEGEN_USERNAME: USER, EWS_CODEGEN_PASSWORD: PASSWORD };

  it('fetches the WSDL and its imports with credentials from the environment, same output as from files', async () => {
    seen.length = 0; // what this run asks for, whatever ran before
    const out = join(await writeFiles({}), 'generated');
    const run = await cli(
      ['generate', '--allow-http', '--schemas', `${base}/EWS/Services.wsdl`, '--out', out],
      credentials,
    );
    expect(run.stderr).not.toContain(PASSWORD);
    expect(run.code).toBe(0);
    // The same code as from the files (without --versions, which reads the sets beside a folder);
    // only the root document is named as it was asked for (headers, @wsdl tags).
    const localDir = join(await writeFiles({}), 'local');
    expect((await cli(['generate', '--out', localDir])).code).toBe(0);
    const local = await snapshotDir(localDir);
    const expected = Object.fromEntries(
      Object.entries(local).map(([f, text]) => [f, text.replaceAll('services.wsdl', 'Services.wsdl')]),
    );
    expect(await snapshotDir(out)).toEqual(expected);
    expect(seen.map((s) => s.url)).toEqual(['/EWS/Services.wsdl', '/EWS/messages.xsd', '/EWS/types.xsd']);
    for (const text of Object.values(await snapshotDir(out))) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('127.0.0.1');
    }
  });

  it('refuses plain http:// without --allow-http', async () => {
    const run = await cli(
      ['generate', '--schemas', `${base}/EWS/Services.wsdl`, '--out', join(await writeFiles({}), 'g')],
      credentials,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/refusing plain http:\/\/ .*--allow-http/);
  });

  it('names the HTTP status when the credentials are wrong', async () => {
    const run = await cli(
      ['generate', '--allow-http', '--schemas', `${base}/EWS/Services.wsdl`, '--out', join(await writeFiles({}), 'g')],
      {
        ...credentials,
        EWS_CODEGEN_PASSWORD: 'wrong',
      },
    );
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`cannot fetch ${base}/EWS/Services.wsdl: HTTP 401`);
  });

  it("diffs a server's schemas against a folder: the same set, no changes", async () => {
    const run = await cli(
      ['diff', '--allow-http', `${base}/EWS/Services.wsdl`, join(SHARED_EWS, MAIN_SET)],
      credentials,
    );
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe('# Schema changes: EWS (V2017_07_11) → v2017_07_11 (V2017_07_11)\n\nNo changes.\n');
    expect(run.stdout + run.stderr).not.toContain(PASSWORD);
  });
});

describe('ews-codegen roundtrip FILE.xml', () => {
  const request = `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:a="http://www.w3.org/2005/08/addressing">
  <soap:Header>
    <a:Action soap:mustUnderstand="1">urn:x</a:Action>
    <t:RequestServerVersion Version="Exchange2010" />
  </soap:Header>
  <soap:Body>
    <m:DisconnectPhoneCall><m:PhoneCallId Id="OWVl4NWb3N29t"/></m:DisconnectPhoneCall>
  </soap:Body>
</soap:Envelope>`;

  it("prints the envelope read and written again, other namespaces' headers passed through, exit 0", async () => {
    const dir = await writeFiles({
      'in.xml': request,
      'bare.xml':
        '<m:DisconnectPhoneCall xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><m:PhoneCallId Id="x"/></m:DisconnectPhoneCall>',
    });
    const run = await cli(['roundtrip', join(dir, 'in.xml')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">' +
        '<soap:Header><Action xmlns="http://www.w3.org/2005/08/addressing" xmlns:a="http://www.w3.org/2005/08/addressing" soap:mustUnderstand="1">urn:x</Action><t:RequestServerVersion Version="Exchange2010"/></soap:Header>' +
        '<soap:Body><m:DisconnectPhoneCall><m:PhoneCallId Id="OWVl4NWb3N29t"/></m:DisconnectPhoneCall></soap:Body></soap:Envelope>\n',
    );
    const bare = await cli(['roundtrip', join(dir, 'bare.xml')]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toBe(
      '<m:DisconnectPhoneCall xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:PhoneCallId Id="x"/></m:DisconnectPhoneCall>\n',
    );
  });

  it('reads UM web service envelopes too (by their body element), translated pages included', async () => {
    const umRequest = docExamples(/^disconnect-operation-um-web-service\.md$/)[0]!.xml;
    const playOnPhone = docExamples(/^playonphone-operation-um-web-service\.md$/)[0]!.xml;
    const dir = await writeFiles({
      'um.xml': umRequest,
      'um-https.xml': umRequest.replaceAll('http://schemas.microsoft.com/', 'https://schemas.microsoft.com/'),
      // The page spells the child DialString; the schema (and Exchange) dialString: see test/um-errata.json.
      'um-playonphone.xml': playOnPhone.replace(/DialString>/g, 'dialString>'),
      'um-playonphone-doc.xml': playOnPhone,
      'um-bad.xml': umRequest.replaceAll('CallId', 'CallIdX'),
    });
    const run = await cli(['roundtrip', join(dir, 'um.xml')]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/<soap:Body><m:Disconnect><m:CallId>MDlk[^<]+<\/m:CallId><\/m:Disconnect><\/soap:Body>/);
    const translated = await cli(['roundtrip', '--accept-https-namespaces', join(dir, 'um-https.xml')]);
    expect(translated.stdout).toBe(run.stdout);
    // PlayOnPhone is an element of both services: the UM one has entryId and dialString.
    const play = await cli(['roundtrip', join(dir, 'um-playonphone.xml')]);
    expect(play.code).toBe(0);
    expect(play.stdout).toContain('<m:PlayOnPhone><m:entryId>');
    // As documented it is refused by both; the error is the one of UM, which read further.
    const doc = await cli(['roundtrip', join(dir, 'um-playonphone-doc.xml')]);
    expect(doc.stderr).toMatch(
      /\/PlayOnPhone\/DialString \(line 6\): unexpected element DialString; expected dialString\n$/,
    );
    const bad = await cli(['roundtrip', join(dir, 'um-bad.xml')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /um-bad\.xml: \/soap:Envelope\/soap:Body\/Disconnect\/CallIdX \(line \d+\): unexpected element CallIdX; expected CallId\n$/,
    );
  });

  it('reads SOAP and POX Autodiscover documents too', async () => {
    const http = (xml: string) =>
      xml.replaceAll('https://schemas.microsoft.com/exchange/', 'http://schemas.microsoft.com/exchange/');
    const dir = await writeFiles({
      'soap.xml': http(docExamples(/^getusersettings-operation-soap\.md$/)[1]!.xml),
      'pox.xml': http(docExamples(/^pox-autodiscover-response-for-exchange\.md$/)[0]!.xml),
    });
    const soap = await cli(['roundtrip', join(dir, 'soap.xml')]);
    expect(soap.stderr).toBe('');
    expect(soap.stdout).toContain('<a:UserSetting xsi:type="a:StringSetting"><a:Name>UserDisplayName</a:Name>');
    const pox = await cli(['roundtrip', join(dir, 'pox.xml')]);
    expect(pox.stderr).toBe('');
    expect(pox.stdout).toMatch(
      /^<ar:Autodiscover [^>]*><o:Response><o:User><o:DisplayName>First Last<\/o:DisplayName>/,
    );
  });

  it('exits 1 with one line naming the element path on input the schema rejects, and on a DOCTYPE', async () => {
    const dir = await writeFiles({
      'bad.xml': request.replace(' Id="OWVl4NWb3N29t"', ''),
      'doctype.xml': request.replace(
        '<soap:Envelope',
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]><soap:Envelope',
      ),
      'https.xml': request.replaceAll('http://schemas.microsoft.com/', 'https://schemas.microsoft.com/'),
    });
    const bad = await cli(['roundtrip', join(dir, 'bad.xml')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(
      /^\S+bad\.xml: \/soap:Envelope\/soap:Body\/m:DisconnectPhoneCall\/m:PhoneCallId\/@Id \(line 8\): missing required attribute Id\n$/,
    );
    const doctype = await cli(['roundtrip', join(dir, 'doctype.xml')]);
    expect(doctype.code).toBe(1);
    expect(doctype.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(doctype.stderr).toContain('a DOCTYPE is not allowed');
    const https = await cli(['roundtrip', join(dir, 'https.xml')]);
    expect(https.code).toBe(1);
    expect(https.stderr).toContain('uses https');
    const accepted = await cli(['roundtrip', '--accept-https-namespaces', join(dir, 'https.xml')]);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).not.toContain('https://');
  });
});

describe('ews-codegen diff', () => {
  const set = (name: string) => join(SHARED_EWS, name);
  const lineOf = async (file: string, n: number) => (await readFile(file, 'utf8')).split('\n')[n - 1]!;

  it('prints the changelog of two real sets; its entries say what the XSD text says', async () => {
    const run = await cli(['diff', set('v2017_07_11'), set('v2018_01_08')]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toMatch(/^# Schema changes: v2017_07_11 \(V2017_07_11\) → v2018_01_08 \(V2018_01_08\)\n/);
    // Three entries, checked against the schema files themselves.
    expect(run.stdout).toContain(
      '### UpdateExtensionUsage\n\n- operation added: compatible (— → v2018_01_08/services.wsdl:1677)',
    );
    expect(await lineOf(join(set('v2018_01_08'), 'services.wsdl'), 1677)).toContain(
      '<wsdl:operation name="UpdateExtensionUsage">',
    );
    expect(await readFile(join(set('v2017_07_11'), 'services.wsdl'), 'utf8')).not.toContain('UpdateExtensionUsage');
    expect(run.stdout).toContain(
      '- value ErrorDuplicateTransactionId added: **breaks reading** (v2017_07_11/messages.xsd:12 → v2018_01_08/messages.xsd:11)',
    );
    expect(await lineOf(join(set('v2018_01_08'), 'messages.xsd'), 11)).toContain('name="ResponseCodeType"');
    expect(await lineOf(join(set('v2017_07_11'), 'messages.xsd'), 12)).toContain('name="ResponseCodeType"');
    expect(await readFile(join(set('v2018_01_08'), 'messages.xsd'), 'utf8')).toContain(
      'value="ErrorDuplicateTransactionId"',
    );
    expect(await readFile(join(set('v2017_07_11'), 'messages.xsd'), 'utf8')).not.toContain(
      'ErrorDuplicateTransactionId',
    );
    expect(run.stdout).toContain(
      '### m:FindPeopleType\n\n- element m:ReturnFlattenedResults added, optional: compatible (v2017_07_11/messages.xsd:1287 → v2018_01_08/messages.xsd:1243)',
    );
    expect(await lineOf(join(set('v2018_01_08'), 'messages.xsd'), 1243)).toContain('name="FindPeopleType"');
    expect(await readFile(join(set('v2017_07_11'), 'messages.xsd'), 'utf8')).not.toContain('ReturnFlattenedResults');
  });

  it('prints JSON for tools, and --fail-on breaking exits 1 only when an entry breaks', async () => {
    const json = await cli(['diff', set('v2017_07_11'), set('v2018_01_08'), '--json']);
    const parsed = JSON.parse(json.stdout) as {
      from: { version: string };
      entries: { kind: string; breaks: { reads: boolean } }[];
    };
    expect(parsed.from.version).toBe('V2017_07_11');
    expect(parsed.entries.filter((e) => e.kind === 'operation added')).toHaveLength(1);
    expect((await cli(['diff', set('v2017_07_11'), set('v2018_01_08'), '--fail-on', 'breaking'])).code).toBe(1);
    const same = await cli(['diff', set('v2017_07_11'), set('v2017_07_11'), '--fail-on', 'breaking']);
    expect([same.code, same.stdout]).toEqual([
      0,
      '# Schema changes: v2017_07_11 (V2017_07_11) → v2017_07_11 (V2017_07_11)\n\nNo changes.\n',
    ]);
    expect((await cli(['diff', set('v2017_07_11'), set('v2018_01_08'), '--fail-on', 'anything'])).code).toBe(2);
  });

  it('on a set that does not resolve, or sets of different namespaces: one line, exit 1', async () => {
    const dir = await writeFiles({
      'broken/services.wsdl': '<x/>',
      'other/schema.xsd': xsd('<xs:element name="A" type="xs:string"/>').replaceAll(T, 'urn:other'),
      'mine/schema.xsd': xsd('<xs:element name="A" type="xs:string"/>'),
    });
    const broken = await cli(['diff', set('v2017_07_11'), join(dir, 'broken')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^ews-codegen: \S*broken\/services\.wsdl:1:1: expected xs:schema, found \{\}x\n$/);
    const apart = await cli(['diff', join(dir, 'mine/schema.xsd'), join(dir, 'other/schema.xsd')]);
    expect([apart.code, apart.stderr.trimEnd().split('\n')]).toEqual([
      1,
      [
        `ews-codegen: diff ${join(dir, 'mine/schema.xsd')} ${join(dir, 'other/schema.xsd')}: the two schema sets have no namespace in common: they are not versions of one schema`,
      ],
    ]);
    expect(apart.stdout).toBe('');
  });
});
