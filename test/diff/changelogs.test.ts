import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderChangelogs } from '../../generator/diff/changelogs.js';
import { readPublishedSets } from '../../generator/versions/sets.js';
import { SHARED_EWS } from '../support/schemas.js';

describe('the committed changelogs', () => {
  it('are one per consecutive pair of the published sets, oldest first, and in sync (generate --check says the same in CI)', async () => {
    const files = renderChangelogs(await readPublishedSets(SHARED_EWS));
    expect(files.map((f) => f.path)).toEqual([
      'exchange2007_sp1-to-exchange2010_sp1.md',
      'exchange2010_sp1-to-exchange2010_sp2.md',
      'exchange2010_sp2-to-exchange2013_sp1.md',
      'exchange2013_sp1-to-exchange-online-2015.md',
      'exchange-online-2015-to-exchange2016.md',
      'exchange2016-to-v2017_07_11.md',
      'v2017_07_11-to-v2018_01_08.md',
      'README.md',
    ]);
    expect((await readdir('docs/schema-changes')).sort()).toEqual(files.map((f) => f.path).sort());
    for (const f of files) expect(await readFile(`docs/schema-changes/${f.path}`, 'utf8'), f.path).toBe(f.text);
  });
});
