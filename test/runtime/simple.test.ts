import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codecOf, detach, ValueError } from '../../generated/runtime/simple.js';

/*
 * The codecs of simple types (templates/runtime/simple.ts): lexical form ↔ the value the
 * interfaces declare, with the schema's checks when strict. The values here are the XSD 1.0
 * lexical spaces (XML Schema Part 2), not what our reader happens to accept.
 */
const message = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ValueError) return e.message;
    throw e;
  }
  return undefined;
};

describe('built-in codecs', () => {
  it('read integers in their range, whitespace collapsed, and refuse the rest', () => {
    const int = codecOf('xs:int');
    expect(int.parse(' 42\n', true)).toBe(42);
    expect(int.parse('-2147483648', true)).toBe(-2147483648);
    expect(message(() => int.parse('2147483648', true))).toBe('2147483648 is out of range for xs:int');
    expect(message(() => int.parse('4.0', true))).toBe('"4.0" is not an xs:int');
    expect(message(() => codecOf('xs:unsignedByte').parse('-1', true))).toBe('-1 is out of range for xs:unsignedByte');
    expect(message(() => int.format(1.5, true))).toBe('1.5 is not an xs:int');
  });

  it('read booleans as the four lexical forms XSD allows and write them canonically', () => {
    const b = codecOf('xs:boolean');
    expect(['true', '1', 'false', '0'].map((t) => b.parse(t, true))).toEqual([true, true, false, false]);
    expect(message(() => b.parse('True', true))).toBe('"True" is not an xs:boolean');
    expect([b.format(true, true), b.format(false, true)]).toEqual(['true', 'false']);
  });

  it('read doubles with INF, -INF and NaN, and write the special values back the same way', () => {
    const d = codecOf('xs:double');
    expect(d.parse('1e3', true)).toBe(1000);
    expect(d.parse('-INF', true)).toBe(-Infinity);
    expect(Number.isNaN(d.parse('NaN', true))).toBe(true);
    expect([d.format(Infinity, true), d.format(-Infinity, true), d.format(0.5, true)]).toEqual(['INF', '-INF', '0.5']);
    expect(message(() => d.parse('infinity', true))).toBe('"infinity" is not an xs:double');
  });

  it('keep dates, durations, longs and base64 as their lexical form, checked only when strict', () => {
    const dt = codecOf('xs:dateTime');
    expect(dt.parse('2006-10-25T18:00:00.123-07:00', true)).toBe('2006-10-25T18:00:00.123-07:00');
    expect(message(() => dt.parse('2006-10-25 18:00', true))).toMatch(/2006-10-25 18:00/);
    expect(dt.parse('2006-10-25 18:00', false)).toBe('2006-10-25 18:00');
    expect(codecOf('xs:long').parse('9007199254740993', true)).toBe('9007199254740993'); // beyond a double's integers
    expect(message(() => codecOf('xs:duration').parse('P', true))).toMatch(/"P"/);
    expect(codecOf('xs:duration').parse('PT1H30M', true)).toBe('PT1H30M');
    expect(message(() => codecOf('xs:base64Binary').parse('abc', true))).toMatch(/"abc"/);
  });

  it('check binary values of many megabytes (an attachment) without overflowing the stack', () => {
    const base64 = codecOf('xs:base64Binary');
    const big = 'QUJD'.repeat(5_000_000); // 20 MB: the repeated-group expression overflowed at ~5 MB
    expect(base64.format(big + 'QQ==', true).length).toBe(big.length + 4);
    for (const bad of [big + 'QQ=', big + 'Q===', big + 'QU*D', 'QQ=A'])
      expect(message(() => base64.format(bad, true))).toMatch(/is not an xs:base64Binary/);
    const hex = codecOf('xs:hexBinary');
    expect(hex.format('0aF9'.repeat(5_000_000), true).length).toBe(20_000_000);
    for (const bad of ['0aF', '0g']) expect(message(() => hex.format(bad, true))).toMatch(/is not an xs:hexBinary/);
  });

  it('take base64 as XSD writes its grammar: groups of four, the last ending in at most two `=`', () => {
    // The grammar spelled as groups (fine for short texts: the codec may not recurse like this).
    const groups = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
    const base64 = codecOf('xs:base64Binary');
    const text = fc.string({ unit: fc.constantFrom('A', 'z', '0', '+', '/', '=', '-', 'é'), maxLength: 12 });
    fc.assert(fc.property(text, (t) => (base64.check(t) === undefined) === groups.test(t)));
    for (const ok of ['', 'QQ==', 'QUI=', 'QUJD']) expect(base64.check(ok)).toBeUndefined();
    for (const bad of ['====', 'Q===', 'QQ=A', 'QUJ', 'QUJD='])
      expect(base64.check(bad)).toMatch(/is not an xs:base64Binary/);
  });

  it('write what they read, for every int and boolean', () => {
    const int = codecOf('xs:int');
    fc.assert(fc.property(fc.integer(), (n) => int.parse(int.format(n, true), true) === n));
  });
});

describe('derived codecs', () => {
  it('read an enumeration as the schema’s own strings and refuse other values when strict', () => {
    const colour = codecOf({ kind: 'enum', name: 'Colour', base: 'xs:string', values: ['Red', 'Blue'] });
    expect(colour.parse(' Red ', true)).toBe('Red');
    expect(message(() => colour.parse('Green', true))).toBe('"Green" is not a value of Colour');
    expect(colour.parse('Green', false)).toBe('Green');
    expect(message(() => colour.format('Green', true))).toBe('"Green" is not a value of Colour');
  });

  it('check pattern and length facets on the lexical form', () => {
    const code = codecOf({
      kind: 'atomic',
      name: 'Code',
      base: 'xs:string',
      facets: { pattern: ['[A-Z]{2}\\d'], maxLength: 3 },
    });
    expect(code.parse('AB1', true)).toBe('AB1');
    expect(message(() => code.parse('ab1', true))).toBe('"ab1" does not match the pattern of Code');
    expect(message(() => code.format('AB12', true))).toMatch(/Code/);
  });
});

describe('detach', () => {
  it('returns an equal string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => detach(s) === s));
  });
});
