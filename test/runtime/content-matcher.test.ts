import { describe, expect, it } from 'vitest';
import { compileType, type CompiledComplex } from '../../generated/runtime/compile.js';
import { ContentMatcher } from '../../generated/runtime/content-matcher.js';
import type { ComplexDesc, GroupDesc } from '../../generated/runtime/schema.js';

/* The content matcher on small content models, element by element as the reader feeds it. */
const NS = 'urn:test';
const el = (name: string, occurs: { min?: number; max?: number } = {}) => ({ el: name, ns: NS, type: 'xs:string', ...occurs });

function matcher(content: GroupDesc): ContentMatcher {
  const desc: ComplexDesc = { kind: 'complex', name: 'T', ns: NS, content };
  return new ContentMatcher((compileType(() => desc) as CompiledComplex).content!);
}

/** Feeds the local names; the names of the particles matched, or `!` where one is refused. */
function run(m: ContentMatcher, names: string[]): string[] {
  return names.map((n) => {
    const p = m.accept(`${NS}|${n}`, NS);
    return p === undefined ? '!' : p.kind === 'element' ? p.desc.el : '*';
  });
}

describe('ContentMatcher', () => {
  it('takes a sequence in order, skips what may be absent, and refuses going back', () => {
    const m = matcher({ group: 'sequence', items: [el('A'), el('B', { min: 0 }), el('C')] });
    expect(m.expected()).toEqual(['A']);
    expect(run(m, ['A', 'C'])).toEqual(['A', 'C']);
    expect(m.complete()).toBe(true);
    expect(run(matcher({ group: 'sequence', items: [el('A'), el('B')] }), ['B'])).toEqual(['!']);
    const back = matcher({ group: 'sequence', items: [el('A'), el('B')] });
    expect(run(back, ['A', 'B', 'A'])).toEqual(['A', 'B', '!']);
  });

  it('knows when a sequence ends too early, and what it expects there', () => {
    const m = matcher({ group: 'sequence', items: [el('A'), el('B', { min: 0 }), el('C')] });
    run(m, ['A']);
    expect(m.complete()).toBe(false);
    expect(m.expected()).toEqual(['B', 'C']);
  });

  it('counts occurrences against maxOccurs', () => {
    const m = matcher({ group: 'sequence', items: [el('A', { max: 2 })] });
    expect(run(m, ['A', 'A', 'A'])).toEqual(['A', 'A', '!']);
  });

  it('takes one branch of a choice, and any number of a repeated one in any order', () => {
    expect(run(matcher({ group: 'choice', items: [el('A'), el('B')] }), ['B', 'A'])).toEqual(['B', '!']);
    const many = matcher({ group: 'choice', max: Infinity, items: [el('A'), el('B')] });
    expect(run(many, ['B', 'A', 'B'])).toEqual(['B', 'A', 'B']);
    expect(many.complete()).toBe(true);
  });

  it('takes the elements of xs:all in any order, each once, and requires the required ones', () => {
    const m = matcher({ group: 'all', items: [el('A'), el('B'), el('C', { min: 0 })] });
    expect(run(m, ['B', 'A', 'B'])).toEqual(['B', 'A', '!']);
    expect(m.complete()).toBe(true);
    const missing = matcher({ group: 'all', items: [el('A'), el('B')] });
    run(missing, ['B']);
    expect(missing.complete()).toBe(false);
  });

  it('gives a wildcard what no element takes, by namespace', () => {
    const m = matcher({ group: 'sequence', items: [el('A'), { any: '##other:urn:test', min: 0, max: Infinity, array: true }] });
    expect(run(m, ['A'])).toEqual(['A']);
    expect(m.accept('urn:x|Ext', 'urn:x')?.kind).toBe('any');
    expect(m.accept(`${NS}|Other`, NS)).toBeUndefined();
    expect(m.accepts('urn:x')).toBe(true);
  });

  it('can be reset onto another content model and reused', () => {
    const m = matcher({ group: 'sequence', items: [el('A')] });
    run(m, ['A']);
    const other = matcher({ group: 'sequence', items: [el('B')] });
    m.reset(other.group);
    expect(run(m, ['B'])).toEqual(['B']);
  });
});
