import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../generator/emit/render.js';
import { writeOutput } from '../../generator/emit/write.js';
import { openSchemas, runPipeline, type PipelineOptions } from '../../generator/pipeline.js';
import { readPublishedSets } from '../../generator/versions/sets.js';
import { compileStrict } from '../support/compile.js';
import { MAIN_SET, SHARED_EWS, writeFiles } from '../support/schemas.js';

async function generate(set: string, options: PipelineOptions = {}): Promise<OutputFile[]> {
  return (await runPipeline(await openSchemas(join(SHARED_EWS, set)), options)).files;
}

/** The top-level declarations of a module that define the given names, as text, in module order. */
function declarations(text: string, names: string[]): string {
  const blocks = text.split(/\n\n(?=\/\*\*|export )/);
  return blocks
    .filter((b) => names.some((n) => new RegExp(`^export (interface|type|const|class) ${n}\\b`, 'm').test(b)))
    .join('\n\n');
}

describe('generated types of the main target (V2017_07_11)', () => {
  let files: OutputFile[];
  beforeAll(async () => {
    // As npm run generate makes generated/: every declaration marked with the versions it is in.
    files = await generate(MAIN_SET, { published: await readPublishedSets(SHARED_EWS) });
  });
  const module = (name: string) => files.find((f) => f.path === `ews/${name}.ts`)!.text;

  it('are the files committed in generated/ (npm run generate -- --check says the same in CI)', async () => {
    for (const f of files) expect(await readFile(join('generated', f.path), 'utf8')).toBe(f.text);
  });

  it("leave the code and data modules and the runtime out of a user's type-check (tsc skips them) but not out of ours", async () => {
    const pragma = module('schema').split('\n')[1]!;
    expect(pragma).toMatch(/^\/\/ @ts-nocheck: /);
    // The declarations a user's code is checked against stay checked; the rest carries the line.
    const skipped = files.filter((f) => f.text.split('\n')[1] === pragma).map((f) => f.path);
    const checked = files.filter((f) => !f.text.includes('@ts-nocheck')).map((f) => f.path);
    expect(skipped.length + checked.length).toBe(files.length);
    expect(skipped.filter((p) => p.startsWith('ews/'))).toEqual(['ews/client.ts', 'ews/operations.ts', 'ews/schema.ts', 'ews/versions.ts']);
    expect(checked.filter((p) => p.startsWith('ews/'))).toEqual(['ews/enums.ts', 'ews/index.ts', 'ews/messages.ts', 'ews/types.ts', 'ews/xml.ts']);
    expect(files.filter((f) => f.path.startsWith('runtime/')).every((f) => skipped.includes(f.path))).toBe(true);
    const dir = await writeFiles({ 'schema.ts': `// header\n${pragma}\nexport const n: number = 'one';\n` });
    const program = ts.createProgram([join(dir, 'schema.ts')], { strict: true, noEmit: true, types: [] });
    expect(ts.getPreEmitDiagnostics(program).map((d) => d.messageText)).toEqual([]);
    expect(compileStrict(dir)).toEqual([`schema.ts:3: Type 'string' is not assignable to type 'number'.`]);
  });

  it('are laid out exactly as prettier would print them', async () => {
    const options = { ...(await prettier.resolveConfig('generated/ews/index.ts')), parser: 'typescript' as const };
    expect(options.printWidth).toBe(120);
    for (const f of files) expect(await prettier.format(f.text, options), f.path).toBe(f.text);
  });

  it('contain no absolute paths, timestamps or `any`', () => {
    for (const f of files) {
      expect(f.text).not.toContain(process.cwd());
      expect(f.text).not.toContain(tmpdir());
      expect(f.text).not.toMatch(/\b20\d\d-\d\d-\d\dT/);
      const code = f.text.split('\n').filter((l) => !/^\s*(\/\/|\/\*\*|\*)/.test(l));
      expect(
        code.filter((l) => /:\s*any\b|<any>|\bany\[\]|\bas any\b/.test(l)),
        f.path,
      ).toEqual([]);
    }
  });

  it('match the snapshots of a few chosen types', async () => {
    const types = module('types');
    await expect(
      declarations(types, [
        'PhoneCallIdType',
        'PhoneCallInformationType',
        'BodyType',
        'BasePathToElementType',
        'PathToUnindexedFieldType',
        'PathGroup',
        'ArrayOfRealItemsType',
        'ArrayOfRealItemsTypeEntry',
        'ArrayOfTransitionsType',
        'TransitionGroup',
        'FolderChangeType',
        'WellKnownResponseObjectType',
        'ServerVersionInfo',
        'CalendarItemType',
      ]),
    ).toMatchFileSnapshot('../snapshots/ews-types.ts');
    await expect(
      declarations(module('messages'), [
        'DisconnectPhoneCallType',
        'ResponseMessageType',
        'PlayOnPhoneType',
        'PlayOnPhoneResponseMessageType',
        'GetPhoneCallInformationType',
        'GetPhoneCallInformationResponseMessageType',
      ]),
    ).toMatchFileSnapshot('../snapshots/ews-messages.ts');
    await expect(
      declarations(module('enums'), ['DayOfWeekType', 'PhoneCallStateType', 'ConnectionFailureCauseType']),
    ).toMatchFileSnapshot('../snapshots/ews-enums.ts');
  });

  it('match the snapshots of a few operations: spec, headers, classes and client methods', async () => {
    const ops = [
      'DisconnectPhoneCall',
      'GetPhoneCallInformation',
      'PlayOnPhone',
      'FindItem',
      'GetItem',
      'CreateItem',
      'SyncFolderItems',
    ];
    // The streaming ones also have their item, message and stream types, and a stream method.
    const streams = ops.filter((o) => module('operations').includes(`export type ${o}Stream =`));
    expect(streams).toEqual(['FindItem', 'GetItem', 'CreateItem', 'SyncFolderItems']);
    const names = ops.flatMap((o) => [
      o,
      `${o}Request`,
      `${o}Response`,
      `${o}RequestHeaders`,
      `${o}ResponseHeaders`,
      ...(streams.includes(o) ? [`${o}Item`, `${o}Message`, `${o}Stream`] : []),
    ]);
    const client = module('client');
    /** A method with its JSDoc (which may carry @since lines). */
    const method = (name: string) => {
      const signature = client.indexOf(`\n  ${name}(`);
      expect(signature, name).toBeGreaterThan(0);
      const start = client.lastIndexOf('  /**', signature);
      return client.slice(start, client.indexOf('\n  }\n', signature) + 4);
    };
    const methods = ops.flatMap((o) => [
      method(o[0]!.toLowerCase() + o.slice(1)),
      ...(streams.includes(o) ? [method(`stream${o}`)] : []),
    ]);
    await expect(
      `${declarations(module('operations'), names)}\n\n// client.ts\n${methods.join('\n')}`,
    ).toMatchFileSnapshot('../snapshots/ews-operations.ts');
  });

  it('include the UM web service, whose modules match their snapshots whole', async () => {
    for (const name of ['enums', 'messages', 'operations', 'client']) {
      const file = files.find((f) => f.path === `um/${name}.ts`)!;
      await expect(file.text).toMatchFileSnapshot(`../snapshots/um/${name}.ts`);
    }
  });

  it('keep the enumerations over 256 values typed', () => {
    const enums = module('enums');
    const union = /export type ResponseCodeType =\n((?:  \| '.*'\n?)+);/.exec(enums)![1]!;
    const xsd = readFileSync(join(SHARED_EWS, MAIN_SET, 'messages.xsd'), 'utf8');
    const declared = xsd.slice(xsd.indexOf('<xs:simpleType name="ResponseCodeType">')).split('</xs:simpleType>')[0]!;
    expect(union.split('\n').length).toBe(declared.match(/<xs:enumeration /g)!.length);
    expect(union.split('\n').length).toBeGreaterThan(500);
    // Array literals, which a bundler drops when nothing uses them (test/emit/tree-shaking.test.ts).
    expect(enums).toContain("export const ResponseCodeType: readonly ResponseCodeType[] = [\n  'NoError',");
  });

  it('import only types, so that importing one interface loads no other module at run time', () => {
    for (const f of files.filter((f) => /^ews\/(enums|types|messages|xml)\.ts$/.test(f.path))) {
      for (const line of f.text.split('\n').filter((l) => l.startsWith('import')))
        expect(line).toMatch(/^import type /);
    }
    expect(module('types')).not.toMatch(/^export const /m);
  });
});

/** Every published set (Exchange2013_SP1 has no WSDL: its messages, types and no operations). */
const PUBLISHED = [
  'exchange2007_sp1',
  'exchange2010_sp1',
  'exchange2010_sp2',
  'exchange2013_sp1/messages.xsd',
  'exchange-online-2015',
  'exchange2016',
  'v2017_07_11',
  'v2018_01_08',
];

describe.each(PUBLISHED)('code generated from %s', (set) => {
  it('compiles under tsc --strict without skipLibCheck', async () => {
    const dir = await writeFiles({ 'package.json': '{ "type": "module" }\n' });
    await writeOutput(join(dir, 'sdk'), await generate(set));
    expect(compileStrict(join(dir, 'sdk'))).toEqual([]);
  });
});

describe('determinism', () => {
  it('two runs write byte-identical folders', async () => {
    const [a, b] = [await writeFiles({}), await writeFiles({})];
    await writeOutput(a, await generate(MAIN_SET));
    await writeOutput(b, await generate(MAIN_SET));
    const list = async (d: string) =>
      (await readdir(d, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(d.length))
        .sort();
    expect(await list(a)).toEqual(await list(b));
    for (const f of await list(a)) expect(await readFile(join(a, f))).toEqual(await readFile(join(b, f)));
  });
});
