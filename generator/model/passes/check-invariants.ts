import { SchemaError } from '../../errors.js';
import { key, type QName } from '../../qname.js';
import type { Model, Particle, SourcePos, TypeRef } from '../model.js';
import type { Show } from './index.js';

/**
 * The closing pass: what every emitter relies on, checked once. A failure here is a defect of
 * an earlier pass or of the builder, reported at the schema position it concerns: every type
 * reference resolves, every base is a complex type, every complex type has its shape and effective content, and what
 * `derived` and `substitutes` name exists.
 */
export function checkInvariants(model: Model, show: Show): void {
  const fail = (what: string, at: SourcePos): never => {
    throw new SchemaError(`internal: ${what} (after the model passes)`, at);
  };
  const type = (r: TypeRef | undefined, at: SourcePos, where: string) => {
    if (r?.kind === 'ref' && !model.types.has(key(r.name))) fail(`${where} refers to ${show(r.name)}, which is not a type`, at);
  };
  const particle = (p: Particle, at: SourcePos, owner: QName) => {
    if (p.kind === 'element') type(p.type, p.at ?? at, `element ${show(p.name)} of ${show(owner)}`);
    else if (p.kind !== 'any') for (const i of p.items) particle(i, p.at ?? at, owner);
  };
  for (const [k, t] of model.types) {
    if (t.kind === 'simple') {
      const v = t.variety;
      if (v.kind === 'atomic') type(v.base, t.at, `type ${show(t.name)}`);
      else if (v.kind === 'list') type(v.itemType, t.at, `type ${show(t.name)}`);
      else for (const m of v.memberTypes) type(m, t.at, `type ${show(t.name)}`);
      continue;
    }
    if (t.base && model.types.get(key(t.base))?.kind !== 'complex') fail(`the base of ${show(t.name)} is not a complex type`, t.at);
    for (const a of t.attributes) type(a.type, t.at, `attribute ${show(a.name)} of ${show(t.name)}`);
    type(t.text, t.at, `the text of ${show(t.name)}`);
    if (t.content) particle(t.content, t.at, t.name);
    if (!model.shapes.has(k)) fail(`type ${show(t.name)} has no shape`, t.at);
    if (!model.effective.has(k)) fail(`type ${show(t.name)} has no effective content`, t.at);
  }
  for (const e of model.elements.values()) type(e.type, e.at, `element ${show(e.name)}`);
  for (const [k, list] of model.derived)
    for (const d of list) if (!model.types.has(k) || !model.types.has(key(d))) fail(`derived type ${show(d)} is not a type`, model.types.get(key(d))?.at ?? { file: '', line: 0, column: 0 });
  for (const [k, members] of model.substitutes) {
    const head = model.elements.get(k);
    for (const m of members) if (!model.elements.has(key(m))) fail(`substitution member ${show(m)} is not an element`, head?.at ?? { file: '', line: 0, column: 0 });
  }
}
