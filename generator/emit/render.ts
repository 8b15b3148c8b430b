import { key, prefixed, type QName } from '../qname.js';
import type { ComplexType, Facets, Model, SchemaType, SimpleType, TypeRef } from '../model/model.js';
import { literal, tsOfBuiltin } from './helpers/builtin-types.js';
import { membersOf, taggedEntry, type EmitContext, type EntryAlias, type Member } from './helpers/members.js';
import { SymbolTable, type Role } from './symbols.js';
import { loadTemplates, TEMPLATES_DIR } from './templates.js';
import { renderClient, renderOperations } from './operations-module.js';
import { SchemaModule } from './schema-module.js';
import { renderVersions } from './versions-module.js';
import { allDerived } from '../model/passes/derived-types.js';
import { availabilityTags, memberTags } from '../versions/availability.js';
import { readdirSync, readFileSync } from 'node:fs';
import { withNoCheck } from './helpers/no-check.js';
import { join, sep } from 'node:path';

/** One output file: a path relative to the output folder, and its text. */
export interface OutputFile {
  path: string;
  text: string;
}

interface Declaration {
  kind: 'interface' | 'enum' | 'alias';
  name: string;
  doc: string[];
}
interface InterfaceView extends Declaration {
  kind: 'interface';
  extends?: string;
  members: Member[];
  entries?: EntryAlias;
  orDerived?: { name: string; doc: string[]; members: string[] };
}
interface EnumView extends Declaration {
  kind: 'enum';
  literals: string[];
}
interface AliasView extends Declaration {
  kind: 'alias';
  members: string[];
}
type View = InterfaceView | EnumView | AliasView;

const XML_MODULE = 'xml';
const OPERATIONS_MODULE = 'operations';
const CLIENT_MODULE = 'client';
const ENUM_MODULE = 'enums';
const SCHEMA_MODULE = 'schema';

/** Module for the types of a namespace: its last path segment (`…/2006/types` → `types`). */
function areaNames(model: Model): Map<string, string> {
  const areas = new Map<string, string>();
  const used = new Set([XML_MODULE, ENUM_MODULE, OPERATIONS_MODULE, CLIENT_MODULE, SCHEMA_MODULE, 'index']);
  const namespaces = [...new Set([...model.types.values()].map((t) => t.name.ns).concat([...model.elements.values()].map((e) => e.name.ns)))];
  for (const ns of namespaces) {
    // The namespace's last word that is not a version (`…/outlook/responseschema/2006a` → responseschema).
    const words = ns.split(/[/:#]/).filter(Boolean);
    const word = [...words].reverse().find((w) => !/^\d/.test(w)) ?? words.pop() ?? 'schema';
    const base = word.replace(/[^A-Za-z0-9_]/g, '_').toLowerCase() || 'schema';
    let area = base;
    for (let n = 2; used.has(area); n++) area = `${base}${n}`;
    used.add(area);
    areas.set(ns, area);
  }
  return areas;
}

function isEnum(t: SchemaType): t is SimpleType & { variety: { kind: 'atomic'; enumeration: NonNullable<unknown> } } {
  return t.kind === 'simple' && t.variety.kind === 'atomic' && !!t.variety.enumeration?.length;
}

/** What to generate for one service (the EWS schema, or the UM one). */
export interface ServiceOptions {
  /** Output folder of the service, relative to the output root (`ews`). */
  folder: string;
  /** Class name of the client (`EwsClient`). */
  client: string;
  /**
   * Put before the names of operation specs, classes and header interfaces (`Um` makes
   * `UmPlayOnPhoneRequest`), so that two services of one namespace can be imported side by side.
   */
  prefix?: string;
  /**
   * ASMX services wrap a method's result in one child of the response element
   * (`GetCallInfoResponse/GetCallInfoResponse`): the response class then has `result`, and the
   * client returns that result itself.
   */
  unwrapResults?: boolean;
  /** A folder of templates/ whose modules are copied into the service's folder as they are (`autodiscover`: discover.ts). */
  handWritten?: string;
}

/**
 * Renders the model into the modules of one service:
 * `enums.ts` (string-literal unions and their frozen value arrays), one module per namespace
 * (`types.ts`, `messages.ts`: interfaces and aliases, type-only imports, so importing one type
 * loads nothing at run time), `xml.ts` (XmlElement), `schema.ts` (the runtime descriptors and writers),
 * `operations.ts` (a spec, request and response class per WSDL operation), `client.ts`, `index.ts`.
 */
export function renderService(model: Model, options: ServiceOptions): OutputFile[] {
  const folder = options.folder;
  const templates = loadTemplates();
  const symbols = new SymbolTable(model, ['XmlElement']);
  const areas = areaNames(model);
  const source = model.source.version ? `${model.source.root} (${model.source.version})` : model.source.root;
  const moduleOfType = (t: SchemaType) => (isEnum(t) ? ENUM_MODULE : (areas.get(t.name.ns) as string));

  const modules = new Map<string, { views: View[]; imports: Map<string, Set<string>> }>();
  const moduleState = (name: string) => {
    let m = modules.get(name);
    if (!m) modules.set(name, (m = { views: [], imports: new Map() }));
    return m;
  };

  const contextFor = (moduleName: string): EmitContext => {
    const state = moduleState(moduleName);
    const use = (from: string, name: string) => {
      if (from === moduleName) return;
      const set = state.imports.get(from) ?? new Set<string>();
      set.add(name);
      state.imports.set(from, set);
    };
    const ctx: EmitContext = {
      model,
      ref(q: QName, role: Role = 'type') {
        const name = symbols.name(q, role);
        if (role === 'group') use(areas.get(q.ns) as string, name);
        else use(moduleOfType(model.types.get(key(q)) as SchemaType), name);
        return name;
      },
      typeOf(t: TypeRef) {
        if (t.kind === 'builtin') {
          const ts = tsOfBuiltin(t.name);
          if (ts === 'XmlElement') use(XML_MODULE, ts);
          return ts;
        }
        const target = model.types.get(key(t.name)) as SchemaType;
        return ctx.ref(t.name, target.kind === 'complex' && model.derived.has(key(t.name)) ? 'orDerived' : 'type');
      },
    };
    return ctx;
  };

  for (const t of model.types.values()) {
    const moduleName = moduleOfType(t);
    const ctx = contextFor(moduleName);
    moduleState(moduleName).views.push(t.kind === 'complex' ? interfaceView(ctx, symbols, t) : simpleView(ctx, symbols, t));
  }
  // Substitution groups: a union of the members, beside the head element's namespace.
  for (const [headKey, members] of model.substitutes) {
    if (!members.length) continue;
    const head = model.elements.get(headKey);
    if (!head) continue;
    const moduleName = areas.get(head.name.ns) as string;
    const ctx = contextFor(moduleName);
    const all = head.abstract ? members : [head.name, ...members];
    moduleState(moduleName).views.push({
      kind: 'alias',
      name: symbols.name(head.name, 'group'),
      doc: [`${show(model, head.name)} or an element of its substitution group; \`$element\` says which.`],
      members: all.map((m) => taggedEntry(ctx, m, model.elements.get(key(m))!.type)),
    });
  }

  // The operations and client modules import types like the type modules do, but are laid out by code.
  const opsContext = contextFor(OPERATIONS_MODULE);
  const clientContext = contextFor(CLIENT_MODULE);
  const schemaModule = new SchemaModule(model, symbols, contextFor(SCHEMA_MODULE), moduleState(SCHEMA_MODULE).imports);

  const files: OutputFile[] = [];
  const typeModules = [...modules.keys()].filter((m) => m !== OPERATIONS_MODULE && m !== CLIENT_MODULE && m !== SCHEMA_MODULE).sort();
  for (const name of typeModules) {
    const state = modules.get(name)!;
    const imports = [...state.imports.keys()].sort().map((from) => ({ from: `./${from}.js`, names: [...state.imports.get(from)!].sort() }));
    files.push({ path: `${folder}/${name}.ts`, text: templates.module({ source, imports, declarations: state.views }) });
  }
  files.push({ path: `${folder}/${XML_MODULE}.ts`, text: templates.xml({}) });
  files.push({ path: `${folder}/schema.ts`, text: schemaModule.render(source) });
  // A schema without operations (POX Autodiscover, an XSD-only set) has types and descriptors only.
  const serviceModules = model.operations.length ? [OPERATIONS_MODULE, CLIENT_MODULE] : [];
  if (model.operations.length) {
    const operations = renderOperations(model, symbols, schemaModule, opsContext, moduleState(OPERATIONS_MODULE).imports, source, options);
    const client = renderClient(model, symbols, clientContext, moduleState(CLIENT_MODULE).imports, source, options);
    files.push({ path: `${folder}/${OPERATIONS_MODULE}.ts`, text: operations });
    files.push({ path: `${folder}/${CLIENT_MODULE}.ts`, text: client });
  }
  // Hand-written modules of the service (templates/<handWritten>/), copied verbatim beside the generated ones.
  const own = options.handWritten ? handWrittenFiles(options.handWritten) : [];
  for (const f of own) files.push({ path: `${folder}/${f.name}`, text: f.text });
  const ownModules = own.map((f) => f.name.replace(/\.ts$/, ''));
  const versions = renderVersions(model, symbols, source);
  if (versions) {
    files.push({ path: `${folder}/versions.ts`, text: versions });
    ownModules.push('versions');
  }
  files.push({ path: `${folder}/index.ts`, text: templates.index({ source, version: model.source.version && literal(model.source.version), modules: [...typeModules, XML_MODULE, ...serviceModules, ...ownModules].sort() }) });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The hand-written modules of one service, from templates/<dir>/. */
function handWrittenFiles(dir: string): { name: string; text: string }[] {
  const root = join(TEMPLATES_DIR, dir);
  return readdirSync(root)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(root, name), 'utf8') }));
}

/** The hand-written runtime the services share, copied from templates/runtime/ with the no-check pragma after its header line. */
export function runtimeFiles(): OutputFile[] {
  const dir = join(TEMPLATES_DIR, 'runtime');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(sep).join('/'))
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => ({ path: `runtime/${f}`, text: withNoCheck(readFileSync(join(dir, f), 'utf8')) }));
}

function show(model: Model, q: QName): string {
  return prefixed(model.prefixes, q);
}

/** `@xsd t:ItemType (types.xsd)`, with the documentation first when the schema has any. */
function originDoc(model: Model, t: SchemaType, extra: string[] = []): string[] {
  const lines = t.doc ? [t.doc, ''] : [];
  const origin = t.anonymous
    ? `@xsd anonymous type of ${[...t.anonymous.path.map(describeSegment), (t.anonymous.path.length ? '' : 'element ') + show(model, t.anonymous.owner)].join(' in ')} (${t.at.file})`
    : `@xsd ${show(model, t.name)} (${t.at.file})`;
  const values = t.kind === 'simple' && t.variety.kind === 'atomic' ? (t.variety.enumeration ?? []) : [];
  const typeKey = `type:${key(t.name)}`;
  const valueTags = values.flatMap((v) => memberTags(model.availability, typeKey, `value:${key(t.name)}/${v.value}`).map((tag) => `${tag}: ${literal(v.value)}`));
  return [...lines, origin, ...availabilityTags(model.availability, typeKey), ...valueTags, ...extra];
}

/** A step of an anonymous type's path, in words: `@Id` → `attribute Id`, `#member1` → `union member 1`. */
function describeSegment(segment: string): string {
  if (segment.startsWith('@')) return `attribute ${segment.slice(1)}`;
  if (segment === '#item') return 'list item';
  if (segment === '#base') return 'restriction base';
  if (segment === '#text') return 'text';
  if (segment.startsWith('#member')) return `union member ${segment.slice('#member'.length)}`;
  return `element ${segment}`;
}

function interfaceView(ctx: EmitContext, symbols: SymbolTable, t: ComplexType): InterfaceView {
  const model = ctx.model;
  const extra: string[] = [];
  if (t.abstract) extra.push('@abstract');
  if (t.derivation === 'restriction' && t.base) extra.push(`@restriction ${show(model, t.base)}; the base's properties it drops are typed \`never\``);
  const { members, entries } = membersOf(ctx, t, () => symbols.name(t.name, 'entry'));
  const view: InterfaceView = { kind: 'interface', name: symbols.name(t.name), doc: originDoc(model, t, extra), members };
  if (t.derivation === 'extension' && t.base) view.extends = ctx.ref(t.base);
  if (entries) view.entries = entries;
  const derived = allDerived(model, t.name);
  if (derived.length) {
    const typeTag = (q: QName, optional: boolean) => `${ctx.ref(q)} & { $type${optional ? '?' : ''}: ${literal(q.local)} }`;
    const concrete = derived.filter((q) => !(model.types.get(key(q)) as ComplexType).abstract);
    view.orDerived = {
      name: symbols.name(t.name, 'orDerived'),
      doc: [`${show(model, t.name)} or a type derived from it; a derived value names its type (xsi:type) in \`$type\`.`],
      members: [...(t.abstract ? [] : [typeTag(t.name, true)]), ...concrete.map((q) => typeTag(q, false))],
    };
    if (!view.orDerived.members.length) view.orDerived.members = [view.name];
  }
  return view;
}

function simpleView(ctx: EmitContext, symbols: SymbolTable, t: SimpleType): EnumView | AliasView {
  const name = symbols.name(t.name);
  const v = t.variety;
  if (v.kind === 'atomic' && v.enumeration?.length) {
    const numeric = baseTs(ctx, v.base) === 'number';
    const literals = [...new Set(v.enumeration.map((e) => e.value))].map((value) => (numeric ? String(Number(value)) : literal(value)));
    return { kind: 'enum', name, doc: originDoc(ctx.model, t), literals };
  }
  if (v.kind === 'atomic') {
    return { kind: 'alias', name, doc: originDoc(ctx.model, t, facetDoc(v.facets)), members: [ctx.typeOf(v.base)] };
  }
  if (v.kind === 'list') {
    const item = ctx.typeOf(v.itemType);
    return { kind: 'alias', name, doc: originDoc(ctx.model, t, ['@list whitespace-separated on the wire']), members: [/[|&\s]/.test(item) ? `(${item})[]` : `${item}[]`] };
  }
  return { kind: 'alias', name, doc: originDoc(ctx.model, t), members: [...new Set(v.memberTypes.map((m) => ctx.typeOf(m)))] };
}

/** The TypeScript primitive a simple type ends up as, following restriction bases. */
function baseTs(ctx: EmitContext, t: TypeRef): string {
  if (t.kind === 'builtin') return tsOfBuiltin(t.name);
  const st = ctx.model.types.get(key(t.name));
  return st?.kind === 'simple' && st.variety.kind === 'atomic' ? baseTs(ctx, st.variety.base) : 'string';
}

function facetDoc(f: Facets): string[] {
  return Object.entries(f).flatMap(([name, value]) =>
    Array.isArray(value) ? value.map((v) => `@${name} ${v}`) : [`@${name} ${String(value)}`],
  );
}
