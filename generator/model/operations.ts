import { SchemaError } from '../errors.js';
import { key, type QName } from '../qname.js';
import type { RawBindingMessage, RawMessage, RawWsdl } from '../read/xsd-nodes.js';
import type { ElementDecl, Operation, OperationMessage } from './model.js';

/**
 * Operations come from each port type joined with the SOAP binding that implements it (never from
 * `wsdl:service`, which the Exchange2010_SP2 WSDL lacks). Body and header elements come from the
 * message parts the binding names; an operation the binding does not cover cannot be called, so
 * the run fails rather than emit it half-known.
 */
export function buildOperations(wsdl: RawWsdl, elements: Map<string, ElementDecl>, show: (q: QName) => string): Operation[] {
  const messages = new Map(wsdl.messages.map((m) => [key(m.name), m]));
  const operations: Operation[] = [];
  for (const portType of wsdl.portTypes) {
    const binding = wsdl.bindings.find((b) => key(b.type) === key(portType.name));
    if (!binding) throw new SchemaError(`port type ${portType.name.local} has no SOAP binding`, portType.at);
    for (const op of portType.operations) {
      const bop = binding.operations.find((b) => b.name === op.name);
      if (!bop) throw new SchemaError(`operation ${op.name} is missing from binding ${binding.name.local}`, op.at);
      if (!op.input || !op.output) throw new SchemaError(`operation ${op.name} needs an input and an output (only request-response is supported)`, op.at);
      const message = (q: QName): RawMessage => {
        const m = messages.get(key(q));
        if (!m) throw new SchemaError(`unknown message ${show(q)}`, op.at);
        return m;
      };
      const element = (q: QName, at: RawMessage['at']): QName => {
        if (!elements.has(key(q))) throw new SchemaError(`unknown element ${show(q)}`, at);
        return q;
      };
      const side = (msgName: QName, binding: RawBindingMessage): OperationMessage => {
        const msg = message(msgName);
        // Each header element once: the Exchange2016 binding of GetUserAvailability declares
        // RequestServerVersion twice, and a SOAP header cannot be two values.
        const headers: QName[] = [];
        for (const h of binding.headers) {
          const part = message(h.message).parts.find((p) => p.name === h.part);
          if (!part?.element) throw new SchemaError(`soap:header names part ${h.part}, which is not an element part of ${show(h.message)}`, h.at);
          const q = element(part.element, h.at);
          if (!headers.some((x) => key(x) === key(q))) headers.push(q);
        }
        const headerParts = new Set(binding.headers.filter((h) => key(h.message) === key(msgName)).map((h) => h.part));
        const bodyParts = binding.bodyParts
          ? binding.bodyParts.map((name) => {
              const p = msg.parts.find((x) => x.name === name);
              if (!p) throw new SchemaError(`soap:body names part ${name}, which ${show(msgName)} lacks`, bop.at);
              return p;
            })
          : msg.parts.filter((p) => !headerParts.has(p.name));
        if (bodyParts.length !== 1 || !bodyParts[0]?.element) {
          throw new SchemaError(`operation ${op.name}: a document/literal body needs exactly one element part, found ${bodyParts.length}`, msg.at);
        }
        return { body: element(bodyParts[0].element, bodyParts[0].at), headers };
      };
      const operation: Operation = {
        name: op.name,
        soapAction: bop.soapAction ?? '',
        input: side(op.input, bop.input),
        output: side(op.output, bop.output),
        faults: op.faults.map((f) => {
          const part = message(f.message).parts[0];
          if (!part?.element) throw new SchemaError(`fault ${f.name} of ${op.name} needs an element part`, op.at);
          return element(part.element, part.at);
        }),
        at: op.at,
      };
      if (op.doc !== undefined) operation.doc = op.doc;
      operations.push(operation);
    }
  }
  return operations;
}
