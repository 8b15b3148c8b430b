import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSchemas, runPipeline } from '../../generator/pipeline.js';
import { readPublishedSets } from '../../generator/versions/sets.js';
import { MAIN_SET, SHARED_EWS } from '../support/schemas.js';

describe('readPublishedSets', () => {
  it('orders the sets by version, oldest first, whatever their folder names', async () => {
    const sets = await readPublishedSets(SHARED_EWS);
    expect(sets.map((s) => [s.label.label, s.label.version])).toEqual([
      ['exchange2007_sp1', 'Exchange2007_SP1'],
      ['exchange2010_sp1', 'Exchange2010_SP1'],
      ['exchange2010_sp2', 'Exchange2010_SP2'],
      ['exchange2013_sp1', 'Exchange2013_SP1'],
      ['exchange-online-2015', 'Exchange2015'],
      ['exchange2016', 'V2016_10_10'],
      ['v2017_07_11', 'V2017_07_11'],
      ['v2018_01_08', 'V2018_01_08'],
    ]);
  });

  it('does not read the set generated from a second time: the pipeline hands its model over', async () => {
    const result = await runPipeline(await openSchemas(join(SHARED_EWS, MAIN_SET)), { publishedIn: { folder: SHARED_EWS, tag: false } });
    const main = result.published!.find((s) => s.label.label === MAIN_SET)!;
    expect(main.model).toBe(result.model);
    expect(main.label.version).toBe('V2017_07_11');
    // Without `tag`, the sets are read (for changelogs) but nothing is marked.
    expect(result.model.availability).toBeUndefined();
    expect(result.files.find((f) => f.path === 'ews/types.ts')!.text).not.toContain('@since');
  });
});
