import { readFile } from 'node:fs/promises';
import { compiled as ews } from '../generated/ews/schema.js';
import { compiled as um } from '../generated/um/schema.js';
import { compiled as autodiscover } from '../generated/autodiscover/schema.js';
import { compiled as pox } from '../generated/autodiscover-pox/schema.js';
import { EwsXmlError, readXml, writeDocument, type CompiledSchema, type ReadOptions } from '../generated/runtime/index.js';

/** The generated services, in the order a document is tried with: EWS, the UM web service, SOAP and POX Autodiscover. */
const SERVICES: readonly CompiledSchema[] = [ews, um, autodiscover, pox];

/**
 * `ews-codegen roundtrip FILE.xml`: reads the document with the generated SDK (strict unless
 * told otherwise), writes it again and prints it. The service is the first whose schema reads
 * the document: EWS, UM (both have a PlayOnPhone in the messages namespace, with different
 * content), then SOAP and POX Autodiscover. Exit 1 with one line naming the element path when no service reads it: the error of
 * the service that read furthest (the first on a tie); never a stack trace.
 */
export async function roundtrip(file: string, options: ReadOptions): Promise<number> {
  let xml: string;
  try {
    xml = await readFile(file, 'utf8');
  } catch (e) {
    process.stderr.write(`ews-codegen: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 1;
  }
  if (xml.charCodeAt(0) === 0xfeff) xml = xml.slice(1);
  const errors: EwsXmlError[] = [];
  for (const schema of SERVICES) {
    try {
      const doc = readXml(schema, xml, options);
      process.stdout.write(writeDocument(schema, doc, { strict: options.strict ?? true }) + '\n');
      return 0;
    } catch (e) {
      if (!(e instanceof EwsXmlError)) throw e;
      errors.push(e);
    }
  }
  const error = errors.reduce((best, e) => ((e.line ?? 0) > (best.line ?? 0) ? e : best));
  process.stderr.write(`${file}: ${error.message}\n`);
  return 1;
}
