import fc from 'fast-check';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { frozenArray, importType, member, typeAlias } from '../../generator/emit/helpers/layout.js';
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

  it('for frozen value arrays', async () => {
    await fc.assert(
      fc.asyncProperty(ident, fc.uniqueArray(word.map(literal), { minLength: 1, maxLength: 20 }), async (name, values) => {
        const code = `type ${name} = string;\n` + frozenArray(name, name, values);
        expect(await format(code)).toBe(code);
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
