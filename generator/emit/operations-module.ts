import { key } from '../qname.js';
import type { Model, Operation } from '../model/model.js';
import { literal } from './helpers/builtin-types.js';
import { jsdoc } from './helpers/jsdoc.js';
import { importNames, importType, PRINT_WIDTH } from './helpers/layout.js';
import type { EmitContext } from './helpers/members.js';
import type { SchemaModule } from './schema-module.js';
import type { SymbolTable } from './symbols.js';

interface OperationNames {
  spec: string;
  request: string;
  response: string;
  requestHeaders: string;
  responseHeaders: string;
  method: string;
}

/** `GetItem` → `getItem`, `UMGetCall` → `umGetCall`: the client method of an operation. */
export function methodName(op: string): string {
  const lead = /^[A-Z]+(?=[A-Z][a-z])|^[A-Z]+$|^[A-Z]/.exec(op)?.[0] ?? '';
  return lead.toLowerCase() + op.slice(lead.length);
}

export function operationNames(symbols: SymbolTable, op: Operation): OperationNames {
  return {
    spec: symbols.other(`${op.name} spec`, op.name),
    request: symbols.other(`${op.name} request`, `${op.name}Request`),
    response: symbols.other(`${op.name} response`, `${op.name}Response`),
    requestHeaders: symbols.other(`${op.name} requestHeaders`, `${op.name}RequestHeaders`),
    responseHeaders: symbols.other(`${op.name} responseHeaders`, `${op.name}ResponseHeaders`),
    method: methodName(op.name),
  };
}

/** A call or signature with its arguments on one line when it fits, else one per line (as prettier does). */
function callLayout(head: string, args: string[], tail: string, indent: string, trailingComma = true): string {
  const one = `${indent}${head}${args.join(', ')}${tail}`;
  if (one.length <= PRINT_WIDTH) return one;
  const comma = (i: number) => (trailingComma || i < args.length - 1 ? ',' : '');
  return `${indent}${head}\n${args.map((a, i) => `${indent}  ${a}${comma(i)}`).join('\n')}\n${indent}${tail}`;
}

/**
 * `<service>/operations.ts`: for every WSDL operation its spec (SOAP action, body and header
 * elements), the header interfaces, and the request and response classes.
 */
export function renderOperations(model: Model, symbols: SymbolTable, schemaModule: SchemaModule, ctx: EmitContext, imports: Map<string, Set<string>>, source: string): string {
  const out: string[] = [];
  const typeOfElement = (q: Operation['input']['body']) => ctx.typeOf(model.elements.get(key(q))!.type);
  for (const op of model.operations) {
    const n = operationNames(symbols, op);
    const headers = (list: Operation['input']['headers'], name: string, side: string) => {
      const body = list.map((h) => `  ${h.local}?: ${typeOfElement(h)};`).join('\n');
      return `/** The SOAP headers the binding declares for the ${side} of ${op.name}. */\nexport interface ${name} ${body ? `{\n${body}\n}` : '{}'}`;
    };
    const keys = (list: Operation['input']['headers']) => list.map((h) => literal(schemaModule.elementKey(h)));
    const side = (name: string, m: Operation['input']) => {
      const line = `  ${name}: { body: ${literal(schemaModule.elementKey(m.body))}, headers: [${keys(m.headers).join(', ')}] },`;
      if (line.length <= PRINT_WIDTH) return line;
      const hs = keys(m.headers);
      const headerLine = `    headers: [${hs.join(', ')}],`;
      return `  ${name}: {\n    body: ${literal(schemaModule.elementKey(m.body))},\n${headerLine.length <= PRINT_WIDTH ? headerLine : `    headers: [\n${hs.map((h) => `      ${h},`).join('\n')}\n    ],`}\n  },`;
    };
    const actionLine = `  soapAction: ${literal(op.soapAction)},`;
    const requestBody = typeOfElement(op.input.body);
    const responseBody = typeOfElement(op.output.body);
    const cls = (name: string, base: 'EwsRequest' | 'EwsResponse', body: string, headersName: string, sideName: 'input' | 'output') =>
      [
        callLayout(`export class ${name} extends ${base}<`, [body, headersName], '> {', '', false),
        `  readonly operation = ${n.spec};`,
        '',
        `  /** Reads a SOAP envelope holding ${sideName === 'input' ? 'this request' : 'this response'}; a SOAP fault throws EwsSoapFaultError. */`,
        `  static fromEnvelope(xml: string, options?: ReadOptions): ${name} {`,
        callLayout('const [body, headers, other] = readParts(', [n.spec, literal(sideName), 'xml', 'options'], ');', '    '),
        callLayout(`return new ${name}(`, [`body as ${body}`, `headers as ${headersName}`, 'other'], ');', '    '),
        '  }',
        '}',
      ].join('\n');
    out.push(
      [
        jsdoc([...(op.doc ? [op.doc, ''] : []), `@wsdl ${op.name} (${op.at.file})`]) +
          `export const ${n.spec}: OperationSpec = {\n  name: ${literal(op.name)},\n${actionLine.length <= PRINT_WIDTH ? actionLine : `  soapAction:\n    ${literal(op.soapAction)},`}\n  schema: compiled,\n${side('input', op.input)}\n${side('output', op.output)}\n};`,
        headers(op.input.headers, n.requestHeaders, 'request'),
        jsdoc([`The request of ${op.name}: \`new ${n.request}(body, headers?)\`, then \`toEnvelope()\`.`]) + cls(n.request, 'EwsRequest', requestBody, n.requestHeaders, 'input'),
        headers(op.output.headers, n.responseHeaders, 'response'),
        jsdoc([`The response of ${op.name}; \`messages\`, \`ok\` and \`throwIfError()\` look at its ResponseClass.`]) + cls(n.response, 'EwsResponse', responseBody, n.responseHeaders, 'output'),
      ].join('\n\n'),
    );
  }
  const typeImports = [...imports.keys()].sort().map((from) => importType([...imports.get(from)!].sort(), `./${from}.js`).trimEnd());
  return `// Generated by ews-codegen from ${source}. Do not edit.

import { EwsRequest, EwsResponse, readParts, type OperationSpec, type ReadOptions } from '../runtime/index.js';
${typeImports.join('\n')}
import { compiled } from './schema.js';

${out.join('\n\n')}
`;
}

/** `<service>/client.ts`: one method per operation over an injectable transport. */
export function renderClient(model: Model, symbols: SymbolTable, ctx: EmitContext, imports: Map<string, Set<string>>, source: string, className: string): string {
  const methods: string[] = [];
  const ops: string[] = [];
  for (const op of model.operations) {
    const n = operationNames(symbols, op);
    ops.push(n.request, n.response, `type ${n.requestHeaders}`);
    const body = ctx.typeOf(model.elements.get(key(op.input.body))!.type);
    methods.push(
      jsdoc([`@wsdl ${op.name}`], '  ') +
        callLayout(`${n.method}(`, [`request: ${n.request} | ${body}`, `headers?: ${n.requestHeaders}`], `): Promise<${n.response}> {`, '  ') +
        '\n' +
        callLayout('return this.call(', [n.request, n.response, 'request', 'headers'], ');', '    ') +
        '\n  }',
    );
  }
  const typeImports = [...imports.keys()].sort().map((from) => importType([...imports.get(from)!].sort(), `./${from}.js`).trimEnd());
  return `// Generated by ews-codegen from ${source}. Do not edit.

import { SoapClient } from '../runtime/client.js';
${importNames(ops, './operations.js').trimEnd()}
${typeImports.join('\n')}

/**
 * One method per operation of ${source}. The transport sends the envelope and returns the
 * response text; a SOAP fault throws EwsSoapFaultError, a response message with ResponseClass
 * Error throws EwsResponseError (unless \`throwOnError: false\`).
 */
export class ${className} extends SoapClient {
${methods.join('\n\n')}
}
`;
}
