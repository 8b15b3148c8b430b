import { key, type QName } from '../qname.js';
import type { Model, Operation, StreamedItems, TypeRef } from '../model/model.js';
import type { ServiceOptions } from './render.js';
import { literal } from './helpers/builtin-types.js';
import { jsdoc } from './helpers/jsdoc.js';
import { NO_CHECK } from './helpers/no-check.js';
import { annotatedConst, callLayout, genericAlias, importNames, importType, PRINT_WIDTH, typeAlias } from './helpers/layout.js';
import type { EmitContext } from './helpers/members.js';
import type { SchemaModule } from './schema-module.js';
import type { SymbolTable } from './symbols.js';
import { availabilityTags } from '../versions/availability.js';

interface OperationNames {
  spec: string;
  request: string;
  response: string;
  requestHeaders: string;
  responseHeaders: string;
  method: string;
  /** What the response's ItemStream yields: the item and the message it is in. */
  item: string;
  message: string;
  /** The ItemStream of its response. */
  stream: string;
}

/** `GetItem` → `getItem`, `UMGetCall` → `umGetCall`: the client method of an operation. */
export function methodName(op: string): string {
  const lead = /^[A-Z]+(?=[A-Z][a-z])|^[A-Z]+$|^[A-Z]/.exec(op)?.[0] ?? '';
  return lead.toLowerCase() + op.slice(lead.length);
}

export function operationNames(symbols: SymbolTable, op: Operation, prefix = ''): OperationNames {
  const name = prefix + op.name;
  return {
    spec: symbols.other(`${op.name} spec`, name),
    request: symbols.other(`${op.name} request`, `${name}Request`),
    response: symbols.other(`${op.name} response`, `${name}Response`),
    requestHeaders: symbols.other(`${op.name} requestHeaders`, `${name}RequestHeaders`),
    responseHeaders: symbols.other(`${op.name} responseHeaders`, `${name}ResponseHeaders`),
    method: methodName(op.name),
    item: symbols.other(`${op.name} item`, `${name}Item`),
    message: symbols.other(`${op.name} message`, `${name}Message`),
    stream: symbols.other(`${op.name} stream`, `${name}Stream`),
  };
}

/**
 * The single child that carries an ASMX method's result: the only particle of the response
 * element's type (an element, not repeated), or undefined when the response has no result.
 */
export function resultOf(model: Model, op: Operation): { prop: string; type: TypeRef; optional: boolean } | undefined {
  const body = model.elements.get(key(op.output.body))!;
  if (body.type.kind !== 'ref') return undefined;
  const t = model.types.get(key(body.type.name));
  if (t?.kind !== 'complex' || t.attributes.length || t.base || !t.content) return undefined;
  const [only, ...rest] = t.content.items;
  if (rest.length || only?.kind !== 'element' || only.max !== 1) return undefined;
  return { prop: only.name.local, type: only.type, optional: only.min === 0 };
}

/**
 * `<service>/operations.ts`: for every WSDL operation its spec (SOAP action, body and header
 * elements), the header interfaces, and the request and response classes.
 */
export function renderOperations(
  model: Model,
  symbols: SymbolTable,
  schemaModule: SchemaModule,
  ctx: EmitContext,
  imports: Map<string, Set<string>>,
  source: string,
  options: ServiceOptions,
): string {
  const out: string[] = [];
  const elementImports = new Set<string>();
  const typeOfElement = (q: Operation['input']['body']) => ctx.typeOf(model.elements.get(key(q))!.type);
  for (const op of model.operations) {
    const n = operationNames(symbols, op, options.prefix);
    const result = options.unwrapResults ? resultOf(model, op) : undefined;
    const streams = model.streams.get(op.name);
    const headers = (list: Operation['input']['headers'], name: string, side: string) => {
      const body = list.map((h) => `  ${h.local}?: ${typeOfElement(h)};`).join('\n');
      return `/** The SOAP headers the binding declares for the ${side} of ${op.name}. */\nexport interface ${name} ${body ? `{\n${body}\n}` : '{}'}`;
    };
    const element = (q: QName) => {
      const name = schemaModule.elementConst(q);
      elementImports.add(name);
      return name;
    };
    const keys = (list: Operation['input']['headers']) => list.map(element);
    /** The spec's object literal, its lines `indent` columns in (prettier's layout at that depth). */
    const spec = (indent: number) => {
      const pad = ' '.repeat(indent + 2);
      const fits = (line: string) => line.length <= PRINT_WIDTH;
      /** `name: [a, b],` on one line when it fits, else one value per line. */
      const array = (at: string, name: string, values: string[]) => {
        const line = `${at}${name}: [${values.join(', ')}],`;
        return fits(line) ? line : `${at}${name}: [\n${values.map((v) => `${at}  ${v},`).join('\n')}\n${at}],`;
      };
      const side = (name: string, m: Operation['input'], streams?: StreamedItems) => {
        const hs = keys(m.headers);
        const line = `${pad}${name}: { body: ${element(m.body)}, headers: [${hs.join(', ')}] },`;
        if (fits(line) && !streams) return line;
        const items = streams
          ? [
              `${pad}  items: {`,
              ...(streams.messages ? [`${pad}    messages: ${literal(streams.messages.path.join('/'))},`] : []),
              array(`${pad}    `, 'items', streams.items.map((i) => literal(i.path.join('/')))),
              `${pad}  },`,
            ]
          : [];
        return [`${pad}${name}: {`, `${pad}  body: ${element(m.body)},`, array(`${pad}  `, 'headers', hs), ...items, `${pad}},`].join('\n');
      };
      const action = `${pad}soapAction: ${literal(op.soapAction)},`;
      return [
        '{',
        `${pad}name: ${literal(op.name)},`,
        fits(action) ? action : `${pad}soapAction:\n${pad}  ${literal(op.soapAction)},`,
        `${pad}namespaces: NAMESPACES,`,
        side('input', op.input),
        side('output', op.output, streams),
        `${' '.repeat(indent)}}`,
      ].join('\n');
    };
    const requestBody = typeOfElement(op.input.body);
    const responseBody = typeOfElement(op.output.body);
    const resultGetter = result
      ? [
          `  /** The method's result, which the response element wraps in its ${result.prop} child. */`,
          `  get result(): ${ctx.typeOf(result.type)}${result.optional ? ' | undefined' : ''} {`,
          `    return this.body.${result.prop};`,
          '  }',
          '',
        ]
      : [];
    const itemsMethod = streams
      ? [
          `  /** Reads a response as it arrives, one item at a time: \`for await (const { item, message } of ${n.response}.items(source))\`. */`,
          callLayout('static items(', ['source: XmlSource', 'options?: ItemStreamOptions'], `): ${n.stream} {`, '  '),
          '    return new ItemStream(this, source, options);',
          '  }',
        ]
      : [];
    const cls = (name: string, base: 'EwsRequest' | 'EwsResponse', body: string, headersName: string, sideName: 'input' | 'output') =>
      [
        callLayout(`export class ${name} extends ${base}<`, [body, headersName], '> {', '', false),
        `  static readonly operation = ${n.spec};`,
        `  readonly operation = ${n.spec};`,
        ...(sideName === 'output' && resultGetter.length ? ['', ...resultGetter.slice(0, -1)] : []),
        ...(sideName === 'output' && streams ? ['', ...itemsMethod] : []),
        '}',
      ].join('\n');
    out.push(
      [
        jsdoc([...(op.doc ? [op.doc, ''] : []), `@wsdl ${op.name} (${op.at.file})`, ...availabilityTags(model.availability, `op:${op.name}`)]) +
          annotatedConst(n.spec, 'OperationSpec', [requestBody, responseBody], spec),
        headers(op.input.headers, n.requestHeaders, 'request'),
        jsdoc([`The request of ${op.name}: \`new ${n.request}(body, headers?)\`, then \`toEnvelope()\`.`]) + cls(n.request, 'EwsRequest', requestBody, n.requestHeaders, 'input'),
        headers(op.output.headers, n.responseHeaders, 'response'),
        ...(streams ? streamTypes(ctx, op, n, streams) : []),
        jsdoc([`The response of ${op.name}; \`messages\`, \`ok\` and \`throwIfError()\` look at its ResponseClass.`]) + cls(n.response, 'EwsResponse', responseBody, n.responseHeaders, 'output'),
      ].join('\n\n'),
    );
  }
  const typeImports = [...imports.keys()].sort().map((from) => importType([...imports.get(from)!].sort(), `./${from}.js`).trimEnd());
  return `// Generated by ews-codegen from ${source}. Do not edit.
${NO_CHECK}
${importNames(['EwsRequest', 'EwsResponse', ...(model.streams.size ? ['ItemStream', 'type ItemStreamOptions'] : []), 'type OperationSpec', ...(model.streams.size ? ['type XmlSource'] : [])], '../runtime/index.js').trimEnd()}
${typeImports.join('\n')}
${importNames(['NAMESPACES', ...[...elementImports].sort()], './schema.js').trimEnd()}

${out.join('\n\n')}
`;
}

/**
 * The types an operation's ItemStream yields: its items (the values of the repeated elements the
 * streamed-items pass found) and the messages they come in (the response element's type when
 * the items are not in messages).
 */
function streamTypes(ctx: EmitContext, op: Operation, n: OperationNames, streams: StreamedItems): string[] {
  // A union member is a type, or the entries of an array property (`NonNullable<X['prop']>[number]`).
  type Part = { type: string } | { holder: string };
  const holderOf = (container: QName, prop: string) => `${ctx.ref(container)}[${literal(prop)}]`;
  const alias = (name: string, parts: Part[]) =>
    parts.length === 1 && 'holder' in parts[0]!
      ? genericAlias(name, 'NonNullable', [parts[0].holder], '[number]')
      : typeAlias(name, parts.map((p) => ('holder' in p ? `NonNullable<${p.holder}>[number]` : p.type)));
  const m = streams.messages;
  const messages: Part[] = !m
    ? [{ type: ctx.typeOf(ctx.model.elements.get(key(op.output.body))!.type) }]
    : m.types.length === 1
      ? [{ type: ctx.typeOf({ kind: 'ref', name: m.types[0]! }) }]
      : [{ holder: holderOf(m.container, m.prop) }];
  const holders = [...new Set(streams.items.map((i) => holderOf(i.container, i.prop)))];
  const items: Part[] = holders.length ? holders.map((holder) => ({ holder })) : messages;
  const where = streams.items.map((i) => i.path.join('/')).join(', ');
  return [
    jsdoc([`An item of a ${op.name} response, as \`${n.response}.items()\` yields it${where ? ` (${where})` : ': a response message'}.`]) + alias(n.item, items).trimEnd(),
    jsdoc([`The ${m ? 'response message' : 'response'} an item of ${op.name} comes in.`]) + alias(n.message, messages).trimEnd(),
    jsdoc([`A ${op.name} response read one item at a time.`]) + genericAlias(n.stream, 'ItemStream', [n.item, n.message, n.response]).trimEnd(),
  ];
}

/** `<service>/client.ts`: one method per operation over an injectable transport. */
export function renderClient(model: Model, symbols: SymbolTable, ctx: EmitContext, imports: Map<string, Set<string>>, source: string, options: ServiceOptions): string {
  const className = options.client;
  const methods: string[] = [];
  const ops: string[] = [];
  for (const op of model.operations) {
    const n = operationNames(symbols, op, options.prefix);
    ops.push(n.request, n.response, `type ${n.requestHeaders}`);
    const body = ctx.typeOf(model.elements.get(key(op.input.body))!.type);
    const params = [`request: ${n.request} | ${body}`, `headers?: ${n.requestHeaders}`, 'options?: CallOptions'];
    let method: string;
    if (options.unwrapResults) {
      // The client answers with the method's result itself (nothing for a method without one).
      const result = resultOf(model, op);
      const returns = result ? `${ctx.typeOf(result.type)}${result.optional ? ' | undefined' : ''}` : 'void';
      method =
        jsdoc([`@wsdl ${op.name}`, ...availabilityTags(model.availability, `op:${op.name}`)], '  ') +
        callLayout(`async ${n.method}(`, params, `): Promise<${returns}> {`, '  ') +
        '\n' +
        (result
          ? callLayout('const response = await this.call(', [n.request, n.response, 'request', 'headers', 'options'], ');', '    ') +
            '\n    return response.result;'
          : callLayout('await this.call(', [n.request, n.response, 'request', 'headers', 'options'], ');', '    ')) +
        '\n  }';
    } else {
      method =
        jsdoc([`@wsdl ${op.name}`, ...availabilityTags(model.availability, `op:${op.name}`)], '  ') +
        callLayout(`${n.method}(`, params, `): Promise<${n.response}> {`, '  ') +
        '\n' +
        callLayout('return this.call(', [n.request, n.response, 'request', 'headers', 'options'], ');', '    ') +
        '\n  }';
    }
    methods.push(method);
    if (model.streams.has(op.name) && !options.unwrapResults) {
      ops.push(`type ${n.stream}`);
      const returns = `): Promise<${n.stream}> {`;
      methods.push(
        jsdoc([`@wsdl ${op.name}, its response read one item at a time (\`for await (const { item } of stream.items())\`).`], '  ') +
          callLayout(`stream${op.name}(`, params, returns, '  ') +
          '\n' +
          callLayout('return this.stream(', [n.request, n.response, 'request', 'headers', 'options'], ');', '    ') +
          '\n  }',
      );
    }
  }
  const typeImports = [...imports.keys()].sort().map((from) => importType([...imports.get(from)!].sort(), `./${from}.js`).trimEnd());
  return `// Generated by ews-codegen from ${source}. Do not edit.
${NO_CHECK}
import { SoapClient, type CallOptions } from '../runtime/client.js';
${importNames(ops, './operations.js').trimEnd()}
${typeImports.join('\n')}

/**
 * One method per operation of ${source}, over \`httpTransport(…)\`, \`fetchTransport(…)\` or a
 * function that sends the envelope and returns the response text. A SOAP fault throws
 * EwsSoapFaultError${
   options.unwrapResults
     ? '. Each method\n * answers with the result the response element wraps.'
     : ', a response message with ResponseClass\n * Error throws EwsResponseError (unless `throwOnError: false`).'
 }
 */
export class ${className} extends SoapClient {
${methods.join('\n\n')}
}
`;
}
