import { describe, expect, it } from 'vitest';
import type { EffectiveType, Model, ParticleShape } from '../../../generator/model/model.js';
import {
  effectiveOf,
  entriesByLocal,
  isEntries,
  mayBeEmpty,
  standIns,
} from '../../../generator/model/passes/effective-content.js';
import { modelOf, T, xsd } from '../../support/schemas.js';

/*
 * The effective-content pass (generator/model/passes/effective-content.ts): what a value of each
 * complex type holds with its bases' included, on small schemas.
 */
const SCHEMA = `
  <xs:complexType name="Base">
    <xs:sequence><xs:element name="Id" type="xs:string"/></xs:sequence>
    <xs:attribute name="A" type="xs:string"/><xs:attribute name="B" type="xs:string"/>
    <xs:anyAttribute processContents="lax"/>
  </xs:complexType>
  <xs:complexType name="Ext"><xs:complexContent><xs:extension base="t:Base">
    <xs:sequence><xs:element name="Name" type="xs:string"/><xs:element name="Size" type="xs:int" minOccurs="0"/></xs:sequence>
    <xs:attribute name="C" type="xs:string" use="required"/>
  </xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="Ext2"><xs:complexContent><xs:extension base="t:Ext"/></xs:complexContent></xs:complexType>
  <xs:complexType name="Ext3"><xs:complexContent><xs:extension base="t:Ext2">
    <xs:choice><xs:element name="X" type="xs:string"/><xs:element name="Y" type="xs:string"/></xs:choice>
  </xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="Restr"><xs:complexContent><xs:restriction base="t:Base">
    <xs:sequence><xs:element name="Id" type="xs:string"/></xs:sequence>
    <xs:attribute name="B" use="prohibited"/>
  </xs:restriction></xs:complexContent></xs:complexType>
  <xs:complexType name="Text"><xs:simpleContent><xs:extension base="xs:int"><xs:attribute name="Unit" type="xs:string"/></xs:extension></xs:simpleContent></xs:complexType>
  <xs:complexType name="MoreText"><xs:simpleContent><xs:extension base="t:Text"/></xs:simpleContent></xs:complexType>
  <xs:element name="Head" type="t:Base" abstract="true"/>
  <xs:element name="M1" type="t:Ext" substitutionGroup="t:Head"/>
  <xs:element name="M2" type="t:Restr" substitutionGroup="t:Head" nillable="true"/>
  <xs:element name="Plain" type="xs:string"/>
  <xs:complexType name="Holder"><xs:sequence>
    <xs:element ref="t:Head"/>
    <xs:element ref="t:Plain" minOccurs="0"/>
    <xs:choice minOccurs="0" maxOccurs="unbounded"><xs:element name="P" type="xs:string"/><xs:element ref="t:Head"/></xs:choice>
  </xs:sequence></xs:complexType>`;

const at = (model: Model, local: string): EffectiveType => effectiveOf(model, { ns: T, local });
const names = (items: ParticleShape[]): string[] =>
  items.map((p) => (p.kind === 'element' ? p.field.name.local : p.kind === 'any' ? '*' : `(${p.group.kind} ${names(p.items).join(' ')})`));

describe('the effective-content pass', () => {
  it("puts an extension's attributes and content after its base's, as one sequence, and counts what the base gave", async () => {
    const model = await modelOf(xsd(SCHEMA));
    const ext = at(model, 'Ext');
    expect(ext.attrs.map((a) => a.prop)).toEqual(['A', 'B', 'C']);
    expect(ext.anyAttribute).toBe(true);
    expect(ext.content!.group).toMatchObject({ kind: 'sequence', min: 1, max: 1 });
    expect(names(ext.content!.items)).toEqual(['Id', 'Name', 'Size']);
    expect(ext.inherited).toBe(1);
    // A group that is not a sequence occurring once stays one item.
    const ext3 = at(model, 'Ext3');
    expect(names(ext3.content!.items)).toEqual(['Id', 'Name', 'Size', '(choice X Y)']);
    expect(ext3.inherited).toBe(3);
  });

  it('gives an extension that adds no elements its base’s content itself', async () => {
    const model = await modelOf(xsd(SCHEMA));
    const ext2 = at(model, 'Ext2');
    expect(ext2.content).toBe(at(model, 'Ext').content);
    expect(ext2.inherited).toBe(3);
    expect(ext2.attrs.map((a) => a.prop)).toEqual(['A', 'B', 'C']);
  });

  it("keeps a restriction's own content and the base attributes it does not prohibit, and not the base's wildcard", async () => {
    const model = await modelOf(xsd(SCHEMA));
    const restr = at(model, 'Restr');
    expect(restr.attrs.map((a) => a.prop)).toEqual(['A']);
    expect(restr.anyAttribute).toBe(false);
    expect(names(restr.content!.items)).toEqual(['Id']);
    expect(restr.inherited).toBe(0);
  });

  it('carries the text type of simple content down an extension', async () => {
    const model = await modelOf(xsd(SCHEMA));
    expect(at(model, 'MoreText').text).toEqual({ kind: 'builtin', name: 'int' });
    expect(at(model, 'MoreText').attrs.map((a) => a.prop)).toEqual(['Unit']);
    expect(at(model, 'MoreText').content).toBeUndefined();
  });

  it('lists what may stand for an element: a head’s members (an abstract head left out), else the element itself', async () => {
    const model = await modelOf(xsd(SCHEMA));
    const [head, plain, entries] = at(model, 'Holder').content!.items;
    expect(head!.kind === 'element' && standIns(model, head!).map((s) => [s.name.local, s.nillable])).toEqual([
      ['M1', false],
      ['M2', true],
    ]);
    expect(plain!.kind === 'element' && standIns(model, plain!).map((s) => s.name.local)).toEqual(['Plain']);
    expect(entries!.kind === 'group' && isEntries(entries!)).toBe(true);
    expect([...entriesByLocal(model, at(model, 'Holder')).keys()]).toEqual(['P', 'M1', 'M2']);
  });

  it('says which particles may be absent altogether', async () => {
    const model = await modelOf(xsd(SCHEMA));
    const [head, plain, entries] = at(model, 'Holder').content!.items;
    expect([head, plain, entries].map((p) => mayBeEmpty(p!))).toEqual([false, true, true]);
    expect(mayBeEmpty(at(model, 'Holder').content!)).toBe(false);
    const choice = at(model, 'Ext3').content!.items[3]!;
    expect(mayBeEmpty(choice)).toBe(false);
    expect(isEntries(at(model, 'Ext').content!)).toBe(false);
  });
});
