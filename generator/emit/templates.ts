import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { jsdoc } from './helpers/jsdoc.js';
import { valuesArray, importType, member, typeAlias } from './helpers/layout.js';

/** The package root: where `templates/` lives, whether we run from source or from `dist/`. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('ews-codegen: cannot find the package root (templates/)');
    dir = up;
  }
  return dir;
}

export const PACKAGE_ROOT = packageRoot();
export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');

export type Template = (view: object) => string;

/**
 * A Handlebars environment with our partials and helpers. Templates only lay out; every decision
 * (names, types, line breaks) is made by the helpers, which are plain tested functions.
 */
export function loadTemplates(): Record<'module' | 'index' | 'xml', Template> {
  // Once per process: compiling them again for each service cost ~60 ms of a cold run.
  return (loaded ??= compileTemplates());
}

let loaded: Record<'module' | 'index' | 'xml', Template> | undefined;

function compileTemplates(): Record<'module' | 'index' | 'xml', Template> {
  const hb = Handlebars.create();
  hb.registerHelper('jsdoc', (lines: string[], indent: unknown) => jsdoc(lines ?? [], typeof indent === 'string' ? indent : ''));
  hb.registerHelper('body', (members: { name: string; optional: boolean; types: string[]; doc: string[] }[]) =>
    members.length ? `{\n${members.map((m) => jsdoc(m.doc, '  ') + member(m.name, m.optional, m.types)).join('')}}` : '{}',
  );
  hb.registerHelper('typeAlias', (name: string, members: string[]) => typeAlias(name, members).trimEnd());
  hb.registerHelper('importType', (names: string[], from: string) => importType(names, from).trimEnd());
  hb.registerHelper('valuesArray', (name: string, type: string, values: string[]) => valuesArray(name, type, values).trimEnd());
  const partials = join(TEMPLATES_DIR, 'partials');
  for (const file of readdirSync(partials).sort()) {
    if (file.endsWith('.hbs')) hb.registerPartial(file.slice(0, -4), readFileSync(join(partials, file), 'utf8'));
  }
  const compile = (name: string): Template =>
    hb.compile(readFileSync(join(TEMPLATES_DIR, `${name}.hbs`), 'utf8'), { noEscape: true, strict: true });
  return { module: compile('module'), index: compile('index'), xml: compile('xml') };
}
