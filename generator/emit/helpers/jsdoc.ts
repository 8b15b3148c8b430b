/**
 * A JSDoc block at the given indent, or '' when there is nothing to say. `*\/` in schema text
 * is broken up so documentation can never end the comment early.
 */
export function jsdoc(lines: string[], indent = ''): string {
  const safe = lines.flatMap((l) => l.split('\n')).map((l) => l.replace(/\*\//g, '*\\/').trimEnd());
  if (!safe.length) return '';
  if (safe.length === 1) return `${indent}/** ${safe[0]} */\n`;
  return `${indent}/**\n${safe.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)).join('\n')}\n${indent} */\n`;
}
