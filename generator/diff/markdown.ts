import type { SourcePos } from '../errors.js';
import type { Changelog, Entry, Subject } from './compare.js';

/** How the two sets are named in a changelog: a label (`exchange2016`) and the version they say. */
export interface SetLabel {
  label: string;
  version?: string;
}

const SECTIONS: [Subject, string][] = [
  ['operation', 'Operations'],
  ['type', 'Types'],
  ['element', 'Substitution groups'],
];

const where = (set: SetLabel, at: SourcePos | undefined) => (at ? `${set.label}/${at.file}:${at.line}` : '—');
const title = (s: SetLabel) => (s.version ? `${s.label} (${s.version})` : s.label);

function breaksOf(e: Entry): string {
  const who = [e.breaks.sends && 'sending', e.breaks.reads && 'reading'].filter(Boolean);
  return who.length ? `**breaks ${who.join(' and ')}**` : 'compatible';
}

/**
 * The changelog as Markdown for a pull-request description: a summary table, then a section per
 * operation and per type, each entry saying whom it breaks and where it is declared in both sets.
 */
export function renderMarkdown(log: Changelog, from: SetLabel, to: SetLabel): string {
  const out = [`# Schema changes: ${title(from)} → ${title(to)}`, ''];
  const breaking = log.entries.filter((e) => e.breaks.sends || e.breaks.reads);
  out.push(
    log.entries.length
      ? `${log.entries.length} changes; ${log.entries.filter((e) => e.breaks.sends).length} break code that sends, ${log.entries.filter((e) => e.breaks.reads).length} break code that reads (${breaking.length} breaking in all).`
      : 'No changes.',
    '',
  );
  if (!log.entries.length) return out.join('\n');
  out.push('| | added | removed | changed | breaks sending | breaks reading |', '|---|---:|---:|---:|---:|---:|');
  for (const [subject, heading] of SECTIONS) {
    const es = log.entries.filter((e) => e.subject === subject);
    if (!es.length) continue;
    const count = (f: (e: Entry) => boolean) => es.filter(f).length;
    out.push(
      `| ${heading.toLowerCase()} | ${count((e) => e.kind.endsWith('added'))} | ${count((e) => e.kind.endsWith('removed'))} | ${count((e) => e.kind.endsWith('changed'))} | ${count((e) => e.breaks.sends)} | ${count((e) => e.breaks.reads)} |`,
    );
  }
  for (const [subject, heading] of SECTIONS) {
    const es = log.entries.filter((e) => e.subject === subject);
    if (!es.length) continue;
    out.push('', `## ${heading}`);
    // By name, in the order each name first comes (a Map keeps it), in one pass over the entries.
    const byName = new Map<string, Entry[]>();
    for (const e of es) {
      const list = byName.get(e.name);
      if (list) list.push(e);
      else byName.set(e.name, [e]);
    }
    for (const [name, list] of byName) {
      out.push('', `### ${name}`, '');
      for (const e of list) out.push(`- ${e.what}: ${breaksOf(e)} (${where(from, e.old)} → ${where(to, e.new)})`);
    }
  }
  out.push('');
  return out.join('\n');
}
