import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutput } from '../../generator/emit/write.js';
import { openSchemas, runPipeline } from '../../generator/pipeline.js';
import { compileStrict } from '../support/compile.js';
import { docExamples } from '../support/docs.js';
import { MAIN_SET, SHARED_EWS, writeFiles } from '../support/schemas.js';
import { treeDiff, xmlTree } from '../support/xml-tree.js';

const errata: { page: string; block: number }[] = JSON.parse(readFileSync(join(import.meta.dirname, '../errata.json'), 'utf8'));
const inErrata = new Set(errata.map((e) => `${e.page}#${e.block}`));

/** `--operations FindItem,GetItem`: only those operations and what they reach. */
describe('subset generation', () => {
  it('emits FindItem and GetItem alone, compiles strictly, and round-trips their documented envelopes', async () => {
    const result = await runPipeline(await openSchemas(join(SHARED_EWS, MAIN_SET)), { operations: ['FindItem', 'GetItem'] });
    const whole = await runPipeline(await openSchemas(join(SHARED_EWS, MAIN_SET)));
    expect(result.model.operations.map((o) => o.name)).toEqual(['FindItem', 'GetItem']);
    expect(result.model.types.size).toBeLessThan(whole.model.types.size);
    expect(result.files.some((f) => f.path.startsWith('um/'))).toBe(false); // no UM operation was named
    const client = result.files.find((f) => f.path === 'ews/client.ts')!.text;
    expect(client.match(/^ {2}\w+\(/gm)).toEqual(['  findItem(', '  streamFindItem(', '  getItem(', '  streamGetItem(']);

    const dir = await writeFiles({ 'package.json': '{ "type": "module" }\n' });
    await writeOutput(join(dir, 'sdk'), result.files);
    symlinkSync(join(import.meta.dirname, '../../node_modules'), join(dir, 'node_modules')); // saxes, for the subset's runtime
    expect(compileStrict(join(dir, 'sdk'))).toEqual([]);

    const { compiled } = (await import(join(dir, 'sdk/ews/schema.ts'))) as { compiled: unknown };
    const runtime = (await import(join(dir, 'sdk/runtime/index.ts'))) as typeof import('../../generated/runtime/index.js');
    const examples = docExamples(/^(finditem|getitem)-operation.*\.md$/).filter((e) => !inErrata.has(e.id));
    expect(examples.length).toBeGreaterThan(10);
    for (const e of examples) {
      const doc = runtime.readXml(compiled as never, e.xml);
      const written = runtime.writeDocument(compiled as never, doc);
      expect(treeDiff(xmlTree(e.xml), xmlTree(written)), e.id).toBeUndefined();
    }
  });

  it('an Autodiscover subset brings POX Autodiscover with it (discovery needs it) and compiles', async () => {
    const result = await runPipeline(await openSchemas(join(SHARED_EWS, MAIN_SET)), { operations: ['GetUserSettings'] });
    const folders = [...new Set(result.files.map((f) => f.path.split('/')[0]))].sort();
    expect(folders).toEqual(['autodiscover', 'autodiscover-pox', 'runtime']);
    const dir = await writeFiles({ 'package.json': '{ "type": "module" }\n' });
    await writeOutput(join(dir, 'sdk'), result.files);
    expect(compileStrict(join(dir, 'sdk'))).toEqual([]);
  });

  it('names an operation that is in neither service', async () => {
    await expect(runPipeline(await openSchemas(join(SHARED_EWS, MAIN_SET)), { operations: ['FindItem', 'FindItems'] })).rejects.toThrow(
      'no operation FindItems in services.wsdl',
    );
  });
});
