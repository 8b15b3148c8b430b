// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.
import type { AnyParticle, ElementParticle, GroupParticle, Particle } from './compile.js';

/**
 * Where a reader stands in a content model: which particle, how many times each was matched.
 * Matching is greedy with one element of lookahead, which is exact for the deterministic
 * content models XSD requires (and, for ArrayOfTransitionsType, which is not, keeps every
 * element in document order under the head's particle).
 */
export class ContentMatcher {
  private iteration = 0;
  private started = false;
  private index = 0;
  private count = 0;
  private branch = -1;
  private child: ContentMatcher | undefined;
  private seen: Set<Particle> | undefined;

  constructor(public group: GroupParticle) {}

  /** Starts over on a (possibly other) content model, so the reader can reuse the object. */
  reset(group: GroupParticle): this {
    this.group = group;
    this.iteration = 0;
    this.started = false;
    this.index = 0;
    this.count = 0;
    this.branch = -1;
    this.child = undefined;
    this.seen = undefined;
    return this;
  }

  /**
   * For a flat sequence: the element particle at position `i` if an element of it may come next
   * (the same answer as `accept`, without looking the position up).
   */
  acceptAt(i: number): ElementParticle | undefined {
    const g = this.group;
    const item = g.items[i] as ElementParticle;
    if (i === this.index) {
      if (this.count >= item.max) return undefined;
      this.count++;
    } else {
      if (i < this.index) return undefined;
      if (this.started && this.count < g.items[this.index]!.min) return undefined;
      if (g.flat!.nextRequired[this.started ? this.index + 1 : this.index]! < i) return undefined;
      this.index = i;
      this.count = 1;
    }
    this.started = true;
    return item;
  }

  /** The element or wildcard particle the element `key` matches next, or undefined. */
  accept(key: string, ns: string): ElementParticle | AnyParticle | undefined {
    const g = this.group;
    const flat = g.flat;
    if (flat) {
      // Straight to the element's position; nothing changes when it cannot come here.
      const i = flat.position.get(key);
      return i === undefined ? undefined : this.acceptAt(i);
    }
    if (g.kind === 'all') {
      const p = g.items.find((i) => (i.kind === 'element' ? i.accepts.has(key) : false)) as ElementParticle | undefined;
      this.seen ??= new Set();
      if (!p || this.seen.has(p)) return undefined;
      this.seen.add(p);
      this.started = true;
      return p;
    }
    for (;;) {
      if (g.kind === 'sequence' ? this.index < g.items.length : this.branch >= 0) {
        const item = g.items[g.kind === 'sequence' ? this.index : this.branch]!;
        const r = this.tryItem(item, key, ns);
        if (r) return r;
        if (!this.satisfied(item)) return undefined;
        if (g.kind === 'sequence') {
          this.index++;
          this.count = 0;
          this.child = undefined;
          continue;
        }
      }
      // The current iteration is complete (or none has begun): start another if allowed.
      if (this.started && this.iteration + 1 >= g.max) return undefined;
      if (!canStart(g, key, ns)) return undefined;
      if (this.started) this.iteration++;
      this.started = false;
      this.index = 0;
      this.count = 0;
      this.child = undefined;
      if (g.kind === 'choice') {
        // A loop, not findIndex: a closure over key and ns would be made for every entry.
        this.branch = 0;
        while (!canStartParticle(g.items[this.branch]!, key, ns)) this.branch++;
        return this.tryItem(g.items[this.branch]!, key, ns);
      }
    }
  }

  private tryItem(item: Particle, key: string, ns: string): ElementParticle | AnyParticle | undefined {
    if (item.kind === 'element' || item.kind === 'any') {
      const matches = item.kind === 'element' ? item.accepts.has(key) : item.takes(ns);
      if (!matches || this.count >= item.max) return undefined;
      this.count++;
      this.started = true;
      return item;
    }
    if (!this.child) {
      if (!canStart(item, key, ns)) return undefined;
      this.child = new ContentMatcher(item);
    }
    const r = this.child.accept(key, ns);
    if (r) this.started = true;
    return r;
  }

  private satisfied(item: Particle): boolean {
    if (item.kind === 'element' || item.kind === 'any') return this.count >= item.min;
    return this.child ? this.child.complete() : item.min === 0 || item.nullable;
  }

  /** Whether the items of a sequence after the current one may all be absent (checked at every element's end). */
  private restMayBeAbsent(g: GroupParticle): boolean {
    if (g.flat) return g.flat.nextRequired[this.index + 1] === g.items.length;
    for (let i = this.index + 1; i < g.items.length; i++) {
      const item = g.items[i]!;
      if (item.min > 0 && (item.kind === 'element' || item.kind === 'any' || !item.nullable)) return false;
    }
    return true;
  }

  /** Whether a wildcard of the content model could take an element of this namespace. */
  accepts(ns: string): boolean {
    return hasWildcard(this.group, ns);
  }

  /** Whether the content may end here. */
  complete(): boolean {
    const g = this.group;
    if (g.kind === 'all') return g.items.every((i) => i.min === 0 || this.seen?.has(i));
    let ends: boolean;
    if (g.kind === 'sequence') {
      ends = !this.started || (this.satisfied(g.items[this.index] ?? g.items[0]!) && this.restMayBeAbsent(g));
      if (this.started && this.index >= g.items.length) ends = true;
    } else {
      ends = !this.started || this.branch < 0 || this.satisfied(g.items[this.branch]!);
    }
    const done = this.iteration + (this.started ? 1 : 0);
    return ends && (done >= g.min || g.nullable);
  }

  /** The local names of the elements that may come next from here, for error messages. */
  expected(): string[] {
    const out = new Set<string>();
    this.next(out);
    return [...out];
  }

  private next(out: Set<string>): void {
    const g = this.group;
    const firstOf = (p: Particle) => {
      if (p.kind === 'element') for (const a of p.accepts.values()) out.add(a.local);
      else if (p.kind === 'any') out.add('(any element)');
      else for (const k of p.first) out.add(k.slice(k.indexOf('|') + 1));
    };
    const nullable = (p: Particle) => p.min === 0 || (p.kind !== 'element' && p.kind !== 'any' && p.nullable);
    if (g.kind === 'all') {
      for (const p of g.items) if (!this.seen?.has(p)) firstOf(p);
      return;
    }
    if (!this.started) {
      firstOf(g);
      return;
    }
    const current = g.items[g.kind === 'sequence' ? this.index : this.branch];
    if (current) {
      if (current.kind === 'element' || current.kind === 'any') {
        if (this.count < current.max) firstOf(current);
      } else if (this.child) this.child.next(out);
      else firstOf(current);
      if (!this.satisfied(current)) return;
      if (g.kind === 'sequence') {
        for (const p of g.items.slice(this.index + 1)) {
          firstOf(p);
          if (!nullable(p)) return;
        }
      }
    }
    if (this.iteration + 1 < g.max) firstOf(g);
  }
}

function hasWildcard(g: GroupParticle, ns: string): boolean {
  return g.items.some((p) => (p.kind === 'any' ? p.takes(ns) : p.kind !== 'element' && hasWildcard(p, ns)));
}

function canStartParticle(p: Particle, key: string, ns: string): boolean {
  if (p.kind === 'element') return p.accepts.has(key);
  if (p.kind === 'any') return p.takes(ns);
  return canStart(p, key, ns);
}

function canStart(g: GroupParticle, key: string, ns: string): boolean {
  if (g.first.has(key)) return true;
  for (const a of g.firstAny) if (a.takes(ns)) return true;
  return false;
}
