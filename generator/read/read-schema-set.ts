import { SchemaError, type SourcePos } from '../errors.js';
import { readWsdl, WSDL_NS } from './read-wsdl.js';
import { XsdReader } from './read-xsd.js';
import type { SchemaLoader } from './load.js';
import { parseXmlDocument, XML_NS, type XmlNode } from './xml-node.js';
import { XS_NS } from './xsd-constructs.js';
import type { RawSchema, RawWsdl } from './xsd-nodes.js';

/** Everything read from one root document and the documents it imports, in reading order. */
export interface SchemaSet {
  wsdl?: RawWsdl;
  schemas: RawSchema[];
  /** Every document read, by its name relative to the root's folder. */
  files: string[];
}

/**
 * Reads the root document (a WSDL or an XSD) and follows `xs:import` and `xs:include` by
 * relative schemaLocation, depth first in document order. A document imported twice is read
 * once; an include that leads back to a document on its own include chain is an error.
 * `documentation` false leaves the xs:documentation text out (a set only compared).
 */
export async function readSchemaSet(loader: SchemaLoader, documentation = true): Promise<SchemaSet> {
  const set: SchemaSet = { schemas: [], files: [] };
  const done = new Set<string>();
  const origin: SourcePos = { file: loader.nameOf(loader.root), line: 0, column: 0 };

  const parse = async (url: URL, from: SourcePos): Promise<XmlNode> => {
    const name = loader.nameOf(url);
    const text = await loader.load(url, from);
    set.files.push(name);
    return parseXmlDocument(text, name, documentation);
  };

  const visitSchema = async (node: XmlNode, url: URL, includeChain: string[], chameleonNs?: string): Promise<void> => {
    if (node.ns !== XS_NS || node.local !== 'schema') {
      throw new SchemaError(`expected xs:schema, found {${node.ns}}${node.local}`, node.at);
    }
    if (chameleonNs !== undefined && node.attrs.targetNamespace === undefined) {
      node.attrs.targetNamespace = chameleonNs;
    }
    const schema = new XsdReader(node, documentation).read();
    set.schemas.push(schema);
    for (const imp of schema.imports) {
      if (imp.location === undefined) {
        // The xml: namespace (xml:lang) is built in; other location-less imports must be
        // satisfied by a document read elsewhere, which the model checks reference by reference.
        if (imp.kind === 'include') throw new SchemaError('xs:include needs a schemaLocation', imp.at);
        continue;
      }
      const target = loader.resolve(url, imp.location);
      if (imp.kind === 'include') {
        const chain = [...includeChain, url.href];
        if (chain.includes(target.href)) {
          throw new SchemaError(`circular xs:include: ${[...chain, target.href].map((h) => loader.nameOf(new URL(h))).join(' → ')}`, imp.at);
        }
        if (done.has(target.href)) continue;
        done.add(target.href);
        const included = await parse(target, imp.at);
        const ns = included.attrs.targetNamespace;
        if (ns !== undefined && ns !== schema.targetNamespace) {
          throw new SchemaError(`included schema has targetNamespace "${ns}", not "${schema.targetNamespace}"`, imp.at);
        }
        await visitSchema(included, target, chain, schema.targetNamespace);
      } else {
        if (imp.namespace === XML_NS) continue;
        if (done.has(target.href)) continue;
        done.add(target.href);
        const imported = await parse(target, imp.at);
        const ns = imported.attrs.targetNamespace ?? '';
        if (ns !== (imp.namespace ?? '')) {
          throw new SchemaError(`imported schema has targetNamespace "${ns}", but the import says "${imp.namespace ?? ''}"`, imp.at);
        }
        await visitSchema(imported, target, []);
      }
    }
  };

  done.add(loader.root.href);
  const root = await parse(loader.root, origin);
  if (root.ns === WSDL_NS) {
    const { wsdl, schemaNodes } = readWsdl(root);
    set.wsdl = wsdl;
    for (const s of schemaNodes) await visitSchema(s, loader.root, []);
  } else {
    await visitSchema(root, loader.root, []);
  }
  return set;
}
