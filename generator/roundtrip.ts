import { readFile } from 'node:fs/promises';
import { compiled } from '../generated/ews/schema.js';
import { EwsXmlError, readXml, writeDocument, type ReadOptions } from '../generated/runtime/index.js';

/**
 * `ews-codegen roundtrip FILE.xml`: reads the document with the generated SDK (strict unless
 * told otherwise), writes it again and prints it. Exit 1 with one line naming the element path
 * when the schema rejects the input; never a stack trace.
 */
export async function roundtrip(file: string, options: ReadOptions): Promise<number> {
  let xml: string;
  try {
    xml = await readFile(file, 'utf8');
  } catch (e) {
    process.stderr.write(`ews-codegen: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 1;
  }
  try {
    const doc = readXml(compiled, xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml, options);
    process.stdout.write(writeDocument(compiled, doc, { strict: options.strict ?? true }) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof EwsXmlError) {
      process.stderr.write(`${file}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
