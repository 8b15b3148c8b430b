import { SchemaError } from '../errors.js';
import { qname } from '../qname.js';
import { resolveQName } from './read-xsd.js';
import type { XmlNode } from './xml-node.js';
import type { QName, RawBindingMessage, RawBindingOperation, RawOperation, RawWsdl } from './xsd-nodes.js';
import { XS_NS } from './xsd-constructs.js';

export const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
export const SOAP_BINDING_NS = 'http://schemas.xmlsoap.org/wsdl/soap/';

function docText(node: XmlNode): string | undefined {
  const d = node.children.find((c) => c.ns === WSDL_NS && c.local === 'documentation');
  const lines = d?.text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  return lines?.length ? lines.join('\n') : undefined;
}

/** The children that carry meaning: WSDL documentation is read by docText, never treated as a construct. */
function parts(node: XmlNode): XmlNode[] {
  return node.children.filter((c) => !(c.ns === WSDL_NS && c.local === 'documentation'));
}

function unsupported(node: XmlNode, inside: string): never {
  const prefix = node.ns === WSDL_NS ? 'wsdl:' : node.ns === SOAP_BINDING_NS ? 'soap:' : `{${node.ns}}`;
  throw new SchemaError(`unsupported construct ${prefix}${node.local} inside ${inside}`, node.at);
}

function required(node: XmlNode, attr: string): string {
  const v = node.attrs[attr];
  if (v === undefined) throw new SchemaError(`${node.local} needs a ${attr} attribute`, node.at);
  return v;
}

function qnameAttr(node: XmlNode, attr: string): QName {
  return resolveQName(node, required(node, attr));
}

/**
 * Reads a WSDL 1.1 document with a SOAP 1.1 binding. Operations come from the port type and the
 * binding, never from `wsdl:service`: the Exchange2010_SP2 WSDL has no service element at all.
 */
export function readWsdl(root: XmlNode): { wsdl: RawWsdl; schemaNodes: XmlNode[] } {
  if (root.ns !== WSDL_NS || root.local !== 'definitions') {
    throw new SchemaError(`expected wsdl:definitions, found {${root.ns}}${root.local}`, root.at);
  }
  const targetNamespace = root.attrs.targetNamespace ?? '';
  const wsdl: RawWsdl = {
    file: root.at.file,
    targetNamespace,
    at: root.at,
    messages: [],
    portTypes: [],
    bindings: [],
    services: [],
  };
  const doc = docText(root);
  if (doc) wsdl.doc = doc;
  const schemaNodes: XmlNode[] = [];
  const local = (node: XmlNode): QName => qname(targetNamespace, required(node, 'name'));

  for (const node of parts(root)) {
    if (node.ns !== WSDL_NS) unsupported(node, 'wsdl:definitions');
    switch (node.local) {
      case 'types':
        for (const s of parts(node)) {
          if (s.ns !== XS_NS || s.local !== 'schema') unsupported(s, 'wsdl:types');
          schemaNodes.push(s);
        }
        break;
      case 'message':
        wsdl.messages.push({
          name: local(node),
          at: node.at,
          parts: parts(node).map((p) => {
            if (p.ns !== WSDL_NS || p.local !== 'part') unsupported(p, 'wsdl:message');
            const part: RawWsdl['messages'][number]['parts'][number] = { name: required(p, 'name'), at: p.at };
            if (p.attrs.element !== undefined) part.element = qnameAttr(p, 'element');
            if (p.attrs.type !== undefined) part.type = qnameAttr(p, 'type');
            if (!part.element === !part.type) throw new SchemaError('wsdl:part needs exactly one of element and type', p.at);
            return part;
          }),
        });
        break;
      case 'portType':
        wsdl.portTypes.push({ name: local(node), at: node.at, operations: parts(node).map(readPortTypeOperation) });
        break;
      case 'binding':
        wsdl.bindings.push(readBinding(node, local(node)));
        break;
      case 'service':
        wsdl.services.push({
          name: required(node, 'name'),
          at: node.at,
          ports: parts(node).map((p) => {
            if (p.ns !== WSDL_NS || p.local !== 'port') unsupported(p, 'wsdl:service');
            const address = p.children.find((c) => c.ns === SOAP_BINDING_NS && c.local === 'address');
            const port: RawWsdl['services'][number]['ports'][number] = { name: required(p, 'name'), binding: qnameAttr(p, 'binding') };
            if (address?.attrs.location !== undefined) port.address = address.attrs.location;
            return port;
          }),
        });
        break;
      case 'import':
        throw new SchemaError('wsdl:import is not supported (EWS keeps its WSDL in one document)', node.at);
      default:
        unsupported(node, 'wsdl:definitions');
    }
  }
  return { wsdl, schemaNodes };
}

function readPortTypeOperation(node: XmlNode): RawOperation {
  if (node.ns !== WSDL_NS || node.local !== 'operation') unsupported(node, 'wsdl:portType');
  const op: RawOperation = { name: required(node, 'name'), at: node.at, faults: [] };
  const doc = docText(node);
  if (doc) op.doc = doc;
  for (const c of parts(node)) {
    if (c.ns !== WSDL_NS) unsupported(c, 'wsdl:operation');
    if (c.local === 'input') op.input = qnameAttr(c, 'message');
    else if (c.local === 'output') op.output = qnameAttr(c, 'message');
    else if (c.local === 'fault') op.faults.push({ name: required(c, 'name'), message: qnameAttr(c, 'message') });
    else unsupported(c, 'wsdl:operation');
  }
  return op;
}

function readBinding(node: XmlNode, name: QName): RawWsdl['bindings'][number] {
  const binding: RawWsdl['bindings'][number] = { name, type: qnameAttr(node, 'type'), at: node.at, operations: [] };
  for (const c of parts(node)) {
    if (c.ns === SOAP_BINDING_NS && c.local === 'binding') {
      if (c.attrs.transport !== undefined) binding.transport = c.attrs.transport;
      if (c.attrs.style !== undefined) binding.style = c.attrs.style;
    } else if (c.ns === WSDL_NS && c.local === 'operation') {
      binding.operations.push(readBindingOperation(c));
    } else unsupported(c, 'wsdl:binding');
  }
  return binding;
}

function readBindingOperation(node: XmlNode): RawBindingOperation {
  const empty = (): RawBindingMessage => ({ headers: [] });
  const op: RawBindingOperation = { name: required(node, 'name'), at: node.at, input: empty(), output: empty() };
  for (const c of parts(node)) {
    if (c.ns === SOAP_BINDING_NS && c.local === 'operation') {
      if (c.attrs.soapAction !== undefined) op.soapAction = c.attrs.soapAction;
      if (c.attrs.style !== undefined) op.style = c.attrs.style;
    } else if (c.ns === WSDL_NS && (c.local === 'input' || c.local === 'output')) {
      const msg = op[c.local];
      for (const s of parts(c)) {
        if (s.ns === SOAP_BINDING_NS && s.local === 'body') {
          if (s.attrs.use !== undefined) msg.use = s.attrs.use;
          if (s.attrs.parts !== undefined) msg.bodyParts = s.attrs.parts.split(/\s+/).filter((p) => p !== '');
        } else if (s.ns === SOAP_BINDING_NS && s.local === 'header') {
          const header: RawBindingMessage['headers'][number] = { message: qnameAttr(s, 'message'), part: required(s, 'part'), at: s.at };
          if (s.attrs.use !== undefined) header.use = s.attrs.use;
          msg.headers.push(header);
        } else unsupported(s, `wsdl:${c.local}`);
      }
    } else if (c.ns === WSDL_NS && c.local === 'fault') {
      // soap:fault only names the fault's encoding; the port type already lists the fault message.
    } else unsupported(c, 'wsdl:operation');
  }
  return op;
}
