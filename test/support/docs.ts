import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DOCS = join(import.meta.dirname, '../../../shared/docs/web-service-reference');

export interface DocExample {
  /** `disconnectphonecall-operation.md#2`: the page and the 1-based number of the XML block on it. */
  id: string;
  page: string;
  block: number;
  xml: string;
}

/**
 * Every fenced code block of the pages whose name matches `pattern`, in page and block order.
 * Most are tagged XML; a few carry no language tag and are XML all the same.
 */
export function docExamples(pattern: RegExp): DocExample[] {
  const out: DocExample[] = [];
  for (const page of readdirSync(DOCS).filter((f) => pattern.test(f)).sort()) {
    const text = readFileSync(join(DOCS, page), 'utf8');
    let block = 0;
    for (const m of text.matchAll(/^[ \t]*```[ \t]*(?:xml)?[ \t]*\r?\n([\s\S]*?)^[ \t]*```/gim)) {
      block++;
      out.push({ id: `${page}#${block}`, page, block, xml: m[1]!.replace(/^\uFEFF/, '') });
    }
  }
  return out;
}

/** The examples of the EWS operation pages (`*-operation*.md`). */
export function operationExamples(): DocExample[] {
  return docExamples(/-operation.*\.md$/);
}
