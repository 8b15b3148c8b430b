import fc from 'fast-check';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { annotatedConst, importType, member, typeAlias, valuesArray } from '../../generator/emit/helpers/layout.js';
import { code, printData, type Data } from '../../generator/emit/helpers/data.js';
import { literal } from '../../generator/emit/helpers/builtin-types.js';

const options = { parser: 'typescript', printWidth: 120, singleQuote: true, trailingComma: 'all' } as const;
const format = (code: string) => prettier.format(code, options);

const ident = fc.stringMatching(/^[A-Z][A-Za-z0-9_]{0,40}$/);
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,30}$/);
/** Union members in the shapes the emitter writes. */
const unionMember = fc.oneof(
  ident,
  word.map(literal),
  fc.tuple(ident, word).map(([t, n]) => `${t} & { $type: ${literal(n)} }`),
  fc.tuple(word, ident).map(([n, t]) => `{ $element: ${literal(n)} } & ${t}`),
  fc.tuple(word, ident).map(([n, t]) => `{ $element: ${literal(n)}; $value: ${t} }`),
);

/** The layout helpers must print exactly what prettier prints: generation then needs no formatter. */
describe('layout matches prettier', () => {
  it('for type aliases of unions', async () => {
    await fc.assert(
      fc.asyncProperty(ident, fc.uniqueArray(unionMember, { minLength: 1, maxLength: 12 }), async (name, members) => {
        const code = typeAlias(name, members);
        expect(await format(code)).toBe(code);
      }),
      { numRuns: 300 },
    );
  });

  it('for value arrays', async () => {
    await fc.assert(
      fc.asyncProperty(ident, fc.uniqueArray(word.map(literal), { minLength: 1, maxLength: 20 }), async (name, values) => {
        const code = `type ${name} = string;\n` + valuesArray(name, name, values);
        expect(await format(code)).toBe(code);
      }),
      { numRuns: 300 },
    );
  });

  it('for constants annotated with a generic type, the long ones included', async () => {
    const long = fc.stringMatching(/^[A-Z][A-Za-z0-9_]{20,70}$/);
    const object = fc.dictionary(word, fc.oneof(word, ident.map(code)), { minKeys: 1, maxKeys: 5 });
    await fc.assert(
      fc.asyncProperty(long, fc.array(long, { minLength: 1, maxLength: 2 }), object, async (name, args, value) => {
        const text = annotatedConst(name, 'Spec', args, (indent, lead) => printData(value as Data, indent, lead, 1)) + '\n';
        expect(await format(text)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('for interface members and type-only imports', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(word, fc.boolean(), fc.uniqueArray(unionMember, { minLength: 1, maxLength: 6 })),
        fc.uniqueArray(ident, { minLength: 1, maxLength: 30 }),
        async ([name, optional, members], imports) => {
          const code = importType(imports, './x.js') + `\nexport interface X {\n${member(name, optional, members)}}\n`;
          expect(await format(code)).toBe(code);
        },
      ),
      { numRuns: 300 },
    );
  });
});
