import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XmlTokenizer } from '../../generated/runtime/xml-tokenizer.js';
import { operationExamples } from '../support/docs.js';
import { saxesEvents, tokenizerEvents } from '../support/xml-events.js';
import { xmllintRefuses } from '../support/xmllint.js';

/*
 * The runtime's XML tokenizer (templates/runtime/xml-tokenizer.ts), judged by saxes: on the
 * documented envelopes, on random documents, on random corruptions of the envelopes (xmllint
 * deciding where saxes and we disagree), and cut into random chunks. The W3C conformance suite is in xml-conformance.test.ts.
 */
const envelopes = operationExamples()
  .map((e) => e.xml.trim())
  .filter((xml) => !('error' in saxesEvents(xml)));

describe('the XML tokenizer', () => {
  it('reports what saxes reports on every documented envelope saxes reads', () => {
    expect(envelopes.length).toBeGreaterThan(250);
    for (const xml of envelopes) expect(tokenizerEvents(xml)).toEqual(saxesEvents(xml));
  });

  it('resolves references, normalises line ends and attribute white space, and joins CDATA', () => {
    expect(
      tokenizerEvents(
        '<?xml version="1.0" encoding="utf-8"?>\r\n<a x="1&#9;2\r\n3&amp;\t4">&lt;&#x1F600;\r\r\n<![CDATA[<&]]></a>',
      ),
    ).toEqual({
      events: [
        ['open', 'a', [['x', '1\t2 3& 4']]],
        ['text', '<\u{1F600}\n\n<&'],
        ['close', 'a'],
      ],
    });
  });

  it('reads each name as written where the one it guesses is a prefix of it, or it of the guess', () => {
    // A start tag's name is first compared with the one that came at the same place last time
    // (after the same start tag, or after the end of the same element), an attribute's with the
    // one at its place in the previous tag.
    const xml = '<r><a x="1" xy="2"/><b/><a xy="3" x="4"/><bc/><a x̀="5"/><b̀/><a xy="6"/><b/></r>';
    expect(tokenizerEvents(xml)).toEqual(saxesEvents(xml));
    // The same element followed by another first child, or by another sibling, than last time.
    const nested = '<r><p><n>1</n></p><q/><p><n>2</n><m/></p><qq/><p><nn/></p><q>3</q><p><n/></p><p/></r>';
    expect(tokenizerEvents(nested)).toEqual(saxesEvents(nested));
    expect(tokenizerEvents(xml)).toEqual({
      events: expect.arrayContaining([
        ['open', 'bc', []],
        ['open', 'b̀', []],
        ['open', 'a', [['x̀', '5']]],
      ]),
    });
  });

  it('reports an element of text only on one line at once, given a leaf handler; any other the usual way', () => {
    const calls: string[] = [];
    const handlers = {
      open: (name: string) => calls.push(`open ${name}`),
      close: (name: string) => calls.push(`close ${name}`),
      text: (text: string) => calls.push(`text ${text}`),
      cdata: (text: string) => calls.push(`cdata ${text}`),
      doctype: () => {},
      leaf: (name: string, source: string, from: number, end: number) =>
        calls.push(`leaf ${name} ${source.slice(from, end)}`),
    };
    new XmlTokenizer(handlers)
      .write('<r><a>1 > 0</a><b></b><c x="1">2</c><d>3&amp;</d><e>4\n5</e><f/><g>6<h>7</h></g><i><![CDATA[8]]></i></r>')
      .close();
    expect(calls).toEqual([
      'open r',
      'leaf a 1 > 0',
      'leaf b ',
      ...['open c', 'text 2', 'close c'],
      ...['open d', 'text 3&', 'close d'],
      ...['open e', 'text 4\n5', 'close e'],
      ...['open f', 'close f'],
      ...['open g', 'text 6', 'leaf h 7', 'close g'],
      ...['open i', 'cdata 8', 'close i'],
      'close r',
    ]);
    calls.length = 0;
    new XmlTokenizer(handlers).write('<a>1</a>').close();
    expect(calls).toEqual(['open a', 'text 1', 'close a']); // never the root
  });

  it('refuses what is not well-formed, with the line and what is wrong', () => {
    const cases: [string, RegExp, number][] = [
      ['<a>&nbsp;</a>', /^undefined entity: nbsp$/, 1],
      ['<a>\n<b x="1" x="2"/></a>', /^duplicate attribute: x\.$/, 2],
      ['<a>\n<b></a>', /^unexpected close tag: a; expected b\.$/, 2],
      ['<a>x]]>y</a>', /"]]>" is disallowed/, 1],
      ['<a>\n\n<b>', /^unclosed tag: b$/, 3],
      [' <?xml version="1.0"?><a/>', /^XML declaration allowed only at the start/, 1],
      ['<a/><b/>', /^documents may contain only one root\.$/, 1],
      ['<a b="<"/>', /^disallowed character in attribute value\.$/, 1],
      // A reference at fault before a `<` in the value, closed or not, or before the end.
      ['<a b="&x/y;\n<"/>', /^undefined entity: x\/y$/, 1],
      ['<a b="&x/y;\n<c>', /^undefined entity: x\/y$/, 1],
      ['<a b="&x/y;\n', /^undefined entity: x\/y$/, 1],
      // A closing tag the input ends in: what is at fault in it, not the end.
      ['<a>\n</<a\n', /^disallowed character in closing tag\.$/, 2],
      ['<a><b>\n</b c\n\n', /^disallowed character in closing tag\.$/, 2],
      ['<a>\u0001</a>', /^disallowed character\.$/, 1],
      ['<a>\uD800</a>', /^disallowed character\.$/, 1],
      ['<!-- a -- b --><a/>', /^double dash in comment\.$/, 1],
      ['<a>&#0;</a>', /^malformed character entity\.$/, 1],
      ['<a>&#xD800;</a>', /^malformed character entity\.$/, 1],
      ['<a/>x', /^text data outside of root node\.$/, 1],
      ['', /^document must contain a root element\.$/, 1],
      ['<a><![CDATA[x</a>', /^unclosed CDATA section\.$/, 1],
      ['<a><!x></a>', /^disallowed markup/, 1],
      ['<a b=c/>', /^unquoted attribute value\.$/, 1],
      ['<a b="1"c="2"/>', /^no whitespace between attributes\.$/, 1],
      ['<?xml version="2.0"?><a/>', /^malformed XML declaration: version\.$/, 1],
      ['<a><?xml version="1.0"?></a>', /^XML declaration allowed only at the start/, 1],
    ];
    for (const [xml, message, line] of cases) {
      const got = tokenizerEvents(xml);
      expect(got, xml).toMatchObject({ line });
      expect('error' in got && got.error, xml).toMatch(message);
      // saxes refuses each of them too.
      expect(saxesEvents(xml), xml).toHaveProperty('error');
    }
  });

  it('refuses a DOCTYPE once its handler returns: no entity is ever declared', () => {
    expect(tokenizerEvents('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')).toMatchObject({
      error: 'a DOCTYPE is not supported.',
    });
  });

  it('reads 100,000 nested elements and 20,000 attributes on one element without slowing down', () => {
    const deep = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    const events = tokenizerEvents(deep);
    expect('events' in events && events.events.length).toBe(200_000);
    const many = `<a ${Array.from({ length: 20_000 }, (_, i) => `a${i}="${i}"`).join(' ')} a7="x"/>`;
    expect(tokenizerEvents(many)).toMatchObject({ error: 'duplicate attribute: a7.' });
  });

  it('reports what saxes reports on random documents', () => {
    fc.assert(
      fc.property(documents, (xml) => {
        expect(tokenizerEvents(xml)).toEqual(saxesEvents(xml));
      }),
      { numRuns: 400 },
    );
  });

  it('refuses exactly the corruptions of the envelopes that saxes refuses, at or before where saxes does', () => {
    fc.assert(
      fc.property(corruptions, ({ xml, firstLine }) => {
        const ours = tokenizerEvents(xml);
        const reference = saxesEvents(xml);
        // Where saxes and we disagree (saxes takes `<?x?y?>`, whose target needs a space
        // after it), xmllint judges, and must side with us.
        if ('error' in ours !== 'error' in reference)
          return void expect(xmllintRefuses(xml), xml).toBe('error' in ours);
        if (!('error' in reference)) return void expect(ours, xml).toEqual(reference);
        // Ours names the character at fault; saxes the one where it noticed, at or after it.
        // Neither can be before the first edit: the text before it is a well-formed start.
        expect(ours, xml).toHaveProperty('error');
        const line = (ours as { line: number }).line;
        expect(line, xml).toBeLessThanOrEqual(reference.line);
        expect(line, xml).toBeGreaterThanOrEqual(firstLine);
      }),
      { numRuns: 1500 },
    );
  });

  it('reports the same, error or events, however a document is cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          documents,
          corruptions.map((c) => c.xml),
        ),
        fc.array(fc.nat(), { maxLength: 12 }),
        (xml, cuts) => {
          const at = [...new Set(cuts.map((c) => c % (xml.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...at].map((from, i) => xml.slice(from, at[i] ?? xml.length));
          expect(tokenizerEvents(chunks), JSON.stringify(chunks)).toEqual(tokenizerEvents(xml));
        },
      ),
      { numRuns: 800 },
    );
  });

  it('reads a sequence of documents, as GetStreamingEvents sends them, as it reads each alone', () => {
    fc.assert(
      fc.property(
        // The random documents that are well-formed (a few are not: `]]>` in text).
        fc.array(
          documents.filter((d) => 'events' in tokenizerEvents(d)),
          { minLength: 1, maxLength: 4 },
        ),
        fc.array(fc.constantFrom('', '\r\n', '  \n\t'), { minLength: 4, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (docs, gaps, cuts) => {
          // Each document may start with its XML declaration, the later ones after white space.
          const xml = docs.map((d, i) => (i ? gaps[i]! : '') + d.replace(/^\uFEFF/, '')).join('');
          const at = [...new Set(cuts.map((c) => c % (xml.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...at].map((from, i) => xml.slice(from, at[i] ?? xml.length));
          const each = docs.flatMap((d) => [...(tokenizerEvents(d) as { events: [] }).events, ['end'] as ['end']]);
          expect(tokenizerEvents(chunks, true), JSON.stringify(chunks)).toEqual({ events: each });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses in a sequence what it refuses alone: a document cut short, text between documents', () => {
    const doc = '<a><b>x</b></a>';
    expect(tokenizerEvents(doc + '\n' + doc.slice(0, 6), true)).toMatchObject({ error: 'unclosed tag: b', line: 2 });
    expect(tokenizerEvents(doc + 'text' + doc, true)).toMatchObject({ line: 1 });
    // Without the end handler a second root is what it always was: not well-formed.
    expect(tokenizerEvents(doc + doc)).toMatchObject({ line: 1 });
    expect(tokenizerEvents(doc + doc, true)).toEqual({
      events: [
        ...(tokenizerEvents(doc) as { events: [] }).events,
        ['end'],
        ...(tokenizerEvents(doc) as { events: [] }).events,
        ['end'],
      ],
    });
  });

  it('keeps no more of a long CDATA section or comment than the chunk it is in: the section is handed on as it arrives', () => {
    const cdata: string[] = [];
    const t = new XmlTokenizer({ open() {}, close() {}, text() {}, cdata: (x) => void cdata.push(x), doctype() {} });
    const held = () => t.held;
    // Characters that may start `]]>`, `-->`, a `\r\n`, a surrogate pair, at every chunk's end.
    const chunk = 'a]]b--c\r\n😀-]\r'.repeat(60);
    t.write('<r><![CDATA[');
    let written = '';
    for (let i = 0; i < 2_000; i++) {
      t.write(chunk);
      written += chunk;
      expect(held()).toBeLessThanOrEqual(3);
    }
    t.write(']]><!--');
    for (let i = 0; i < 2_000; i++) {
      t.write(chunk.replace(/--/g, '-'));
      expect(held()).toBeLessThanOrEqual(3);
    }
    t.write('--></r>').close();
    expect(cdata.join('')).toBe(written.replace(/\r\n?/g, '\n'));
    // Whole, it is one piece, as saxes gives it.
    const whole = '<r><![CDATA[' + chunk + ']]></r>';
    expect(tokenizerEvents(whole)).toEqual(saxesEvents(whole));
  });

  it('still refuses, across chunks, a double dash in a comment, a character XML does not allow, an unclosed section', () => {
    const chunked = (parts: string[]) => {
      const t = new XmlTokenizer({ open() {}, close() {}, text() {}, cdata() {}, doctype() {} });
      try {
        for (const p of parts) t.write(p);
        t.close();
        return 'ok';
      } catch (e) {
        return (e as Error).message;
      }
    };
    // Each as the same document read whole says.
    for (const [parts, error] of [
      [['<r><!-- a -', '- b --></r>'], /^1:11: double dash in comment\.$/],
      [['<r><!-- a', '\u0001 --></r>'], /^1:10: disallowed character\.$/],
      [['<r><![CDATA[ a', '\u0001 ]]></r>'], /^1:15: disallowed character\.$/],
      [['<r><![CDATA[ a ', 'b ]]', '</r>'], /^1:24: unclosed CDATA section\.$/],
      [['<r><!-- a ', 'b -', '</r>'], /^1:18: unclosed comment\.$/],
    ] as const) {
      expect(chunked([...parts])).toBe(chunked([parts.join('')]));
      expect(chunked([...parts])).toMatch(error);
    }
    expect(chunked(['<r><![CDATA[ \ud83d', '\ude00 ]]></r>'])).toBe('ok');
  });
});

// Random documents: names (prefixed, non-ASCII), attributes and text with references, white
// space, CDATA, comments and processing instructions.
const name = fc.constantFrom(
  'a',
  'ab',
  'b:c',
  't:ItemId',
  'Ωmega',
  'x-y.z',
  '_u',
  'm:FindItem',
  'é',
  'a\u0300',
  '\u{10000}x',
);
const chars = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'x',
        'Hello',
        ' ',
        '\n',
        '\t',
        '\r\n',
        '\r',
        '&amp;',
        '&lt;',
        '&gt;',
        '&quot;',
        '&apos;',
        '&#65;',
        '&#x1F600;',
        '&#10;',
        '&#13;',
        ']',
        ']]',
        '>',
        "'",
        '"',
        '\u00e9',
        '\u{1F600}',
        '\uFFFD',
      ),
      fc
        .string({ maxLength: 6 })
        .map((s) => s.replace(/[<&\]\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF"']/g, '')),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join('').replace(/]]>/g, ']] >'));
const attributes = fc
  .uniqueArray(fc.tuple(name, chars, fc.constantFrom('"', "'")), { maxLength: 4, selector: ([n]) => n })
  .map((list) =>
    list
      .map(([n, v, q]) => ` ${n}=${q}${v.replace(q === '"' ? /"/g : /'/g, q === '"' ? '&quot;' : '&apos;')}${q}`)
      .join(''),
  );
const misc = fc.constantFrom('', ' ', '\n', '<!-- note - x -->', '<?pi data?>', '<?target?>');
const element: fc.Memo<string> = fc.memo((n) =>
  fc
    .tuple(
      name,
      attributes,
      n > 1
        ? fc.array(fc.oneof(chars, misc, fc.constant('<![CDATA[ <&> ]]>'), element(n - 1)), { maxLength: 4 })
        : fc.constant([]),
      fc.boolean(),
    )
    .map(([tag, attrs, children, empty]) =>
      empty && !children.length ? `<${tag}${attrs}/>` : `<${tag}${attrs}>${children.join('')}</${tag}>`,
    ),
);
const documents = fc
  .tuple(
    fc.constantFrom('', '<?xml version="1.0"?>', "<?xml version='1.0' encoding='utf-8' standalone='yes'?>\n", '\uFEFF'),
    misc,
    element(4),
    misc,
  )
  .map((parts) => parts.join(''));

// Random corruptions of the documented envelopes: characters that matter to XML put in, taken
// out or swapped.
const corruptions = fc
  .tuple(
    fc.integer({ min: 0, max: envelopes.length - 1 }),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom(
          '<',
          '>',
          '&',
          '"',
          "'",
          '/',
          '=',
          ']',
          '!',
          '?',
          '-',
          ' ',
          ':',
          '\u0001',
          'x',
          ';',
          '#',
          '\n',
          '',
        ),
        fc.nat(3),
      ),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
  )
  .map(([index, edits]) => {
    let xml = envelopes[index]!;
    for (const [at, insert, remove] of edits) {
      const k = at % (xml.length + 1);
      xml = xml.slice(0, k) + insert + xml.slice(k + remove);
    }
    const original = envelopes[index]!;
    let first = 0;
    while (first < xml.length && xml[first] === original[first]) first++;
    return { xml, firstLine: original.slice(0, first).split('\n').length };
  });
