import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderChangelogs } from '../../generator/diff/changelogs.js';
import { readPublishedSets } from '../../generator/versions/sets.js';
import { SHARED_EWS } from '../support/schemas.js';

/**
 * Entries of each committed changelog, picked and checked by hand against the schema text (the
 * v2017_07_11 → v2018_01_08 pair has its own in test/cli.test.ts). Each names the declaration it
 * is under and its entry line; the test then reads the schema files themselves, not our reader:
 * the line each side cites opens that declaration, and the text the entry is about is in the
 * declaration where the entry says it is and absent where it says it is not.
 */
interface HandChecked {
  pair: string;
  heading: string;
  entry: string;
  /** `set/file:line` → what that line holds (the declaration's opening tag). */
  opens: Record<string, string>;
  /** `set/file:line` → text within the declaration opened at that line (to its closing tag). */
  within?: Record<string, string>;
  /** `set/file` → text the file does not contain at all. */
  lacks?: Record<string, string>;
}

const HAND_CHECKED: HandChecked[] = [
  {
    pair: 'exchange2007_sp1-to-exchange2010_sp1',
    heading: 'GetServerTimeZones',
    entry: '- operation added: compatible (— → exchange2010_sp1/services.wsdl:638)',
    opens: { 'exchange2010_sp1/services.wsdl:638': '<wsdl:operation name="GetServerTimeZones">' },
    lacks: {
      'exchange2007_sp1/services.wsdl': 'GetServerTimeZones',
      'exchange2007_sp1/messages.xsd': 'GetServerTimeZones',
    },
  },
  {
    pair: 'exchange2007_sp1-to-exchange2010_sp1',
    heading: 't:ExchangeVersionType',
    entry:
      '- value Exchange2010_SP1 added: compatible (exchange2007_sp1/types.xsd:60 → exchange2010_sp1/types.xsd:108)',
    opens: {
      'exchange2007_sp1/types.xsd:60': '<xs:simpleType name="ExchangeVersionType">',
      'exchange2010_sp1/types.xsd:108': '<xs:simpleType name="ExchangeVersionType">',
    },
    within: { 'exchange2010_sp1/types.xsd:108': '<xs:enumeration value="Exchange2010_SP1"' },
    lacks: { 'exchange2007_sp1/types.xsd': 'Exchange2010_SP1' },
  },
  {
    pair: 'exchange2010_sp1-to-exchange2010_sp2',
    heading: 'GetPasswordExpirationDate',
    entry: '- operation added: compatible (— → exchange2010_sp2/services.wsdl:925)',
    opens: { 'exchange2010_sp2/services.wsdl:925': '<wsdl:operation name="GetPasswordExpirationDate">' },
    lacks: {
      'exchange2010_sp1/services.wsdl': 'GetPasswordExpirationDate',
      'exchange2010_sp1/messages.xsd': 'GetPasswordExpirationDate',
    },
  },
  {
    pair: 'exchange2010_sp1-to-exchange2010_sp2',
    heading: 't:ExchangeVersionType',
    entry:
      '- value Exchange2010_SP2 added: compatible (exchange2010_sp1/types.xsd:108 → exchange2010_sp2/types.xsd:90)',
    opens: {
      'exchange2010_sp1/types.xsd:108': '<xs:simpleType name="ExchangeVersionType">',
      'exchange2010_sp2/types.xsd:90': '<xs:simpleType name="ExchangeVersionType">',
    },
    within: { 'exchange2010_sp2/types.xsd:90': '<xs:enumeration value="Exchange2010_SP2"' },
    lacks: { 'exchange2010_sp1/types.xsd': 'Exchange2010_SP2' },
  },
  {
    pair: 'exchange2010_sp2-to-exchange2013_sp1',
    heading: 't:MailTipsServiceConfiguration',
    entry:
      '- element t:PolicyTipsEnabled added, required: **breaks sending** (exchange2010_sp2/types.xsd:3800 → exchange2013_sp1/types.xsd:5751)',
    opens: {
      'exchange2010_sp2/types.xsd:3800': '<xs:complexType name="MailTipsServiceConfiguration">',
      'exchange2013_sp1/types.xsd:5751': '<xs:complexType name="MailTipsServiceConfiguration">',
    },
    within: { 'exchange2013_sp1/types.xsd:5751': '<xs:element minOccurs="1" maxOccurs="1" name="PolicyTipsEnabled"' },
    lacks: { 'exchange2010_sp2/types.xsd': 'PolicyTipsEnabled' },
  },
  {
    pair: 'exchange2010_sp2-to-exchange2013_sp1',
    heading: 't:AcceptItemType',
    entry:
      '- base extension of t:WellKnownResponseObjectType → extension of t:MeetingRegistrationResponseObjectType: **breaks sending and reading** (exchange2010_sp2/types.xsd:1621 → exchange2013_sp1/types.xsd:3000)',
    opens: {
      'exchange2010_sp2/types.xsd:1621': '<xs:complexType name="AcceptItemType">',
      'exchange2013_sp1/types.xsd:3000': '<xs:complexType name="AcceptItemType">',
    },
    within: {
      'exchange2010_sp2/types.xsd:1621': '<xs:extension base="t:WellKnownResponseObjectType"/>',
      'exchange2013_sp1/types.xsd:3000': '<xs:extension base="t:MeetingRegistrationResponseObjectType"/>',
    },
  },
  {
    pair: 'exchange2013_sp1-to-exchange-online-2015',
    heading: 'm:UpdateGroupMailboxType',
    entry:
      '- element m:PermissionsVersion removed: **breaks sending and reading** (exchange2013_sp1/messages.xsd:1276 → exchange-online-2015/messages.xsd:1514)',
    opens: {
      'exchange2013_sp1/messages.xsd:1276': '<xs:complexType name="UpdateGroupMailboxType">',
      'exchange-online-2015/messages.xsd:1514': '<xs:complexType name="UpdateGroupMailboxType">',
    },
    within: { 'exchange2013_sp1/messages.xsd:1276': '<xs:element name="PermissionsVersion" type="xs:int"' },
    lacks: {
      'exchange-online-2015/messages.xsd': 'PermissionsVersion',
      'exchange-online-2015/types.xsd': 'PermissionsVersion',
    },
  },
  {
    pair: 'exchange2013_sp1-to-exchange-online-2015',
    heading: 'm:ResponseCodeType',
    entry:
      '- value ErrorCannotFindUser added: **breaks reading** (exchange2013_sp1/messages.xsd:13 → exchange-online-2015/messages.xsd:6)',
    opens: {
      'exchange2013_sp1/messages.xsd:13': '<xs:simpleType name="ResponseCodeType">',
      'exchange-online-2015/messages.xsd:6': '<xs:simpleType name="ResponseCodeType">',
    },
    within: { 'exchange-online-2015/messages.xsd:6': 'value="ErrorCannotFindUser"' },
    lacks: { 'exchange2013_sp1/messages.xsd': '"ErrorCannotFindUser"' },
  },
  {
    pair: 'exchange-online-2015-to-exchange2016',
    heading: 'FindTags',
    entry: '- operation added: compatible (— → exchange2016/services.wsdl:1631)',
    opens: { 'exchange2016/services.wsdl:1631': '<wsdl:operation name="FindTags">' },
    lacks: { 'exchange-online-2015/services.wsdl': '"FindTags"' },
  },
  {
    pair: 'exchange-online-2015-to-exchange2016',
    heading: 'm:ResponseCodeType',
    entry:
      '- value ErrorCannotAccessDeletedPublicFolder added: **breaks reading** (exchange-online-2015/messages.xsd:6 → exchange2016/messages.xsd:11)',
    opens: {
      'exchange-online-2015/messages.xsd:6': '<xs:simpleType name="ResponseCodeType">',
      'exchange2016/messages.xsd:11': '<xs:simpleType name="ResponseCodeType">',
    },
    within: { 'exchange2016/messages.xsd:11': 'value="ErrorCannotAccessDeletedPublicFolder"' },
    lacks: { 'exchange-online-2015/messages.xsd': '"ErrorCannotAccessDeletedPublicFolder"' },
  },
  {
    pair: 'exchange2016-to-v2017_07_11',
    heading: 't:EntityFeedbackEntityAddSourceType',
    entry: '- value RecipientCache removed: compatible (exchange2016/types.xsd:9303 → v2017_07_11/types.xsd:9348)',
    opens: {
      'exchange2016/types.xsd:9303': '<xs:simpleType name="EntityFeedbackEntityAddSourceType">',
      'v2017_07_11/types.xsd:9348': '<xs:simpleType name="EntityFeedbackEntityAddSourceType">',
    },
    within: { 'exchange2016/types.xsd:9303': '<xs:enumeration value="RecipientCache"' },
  },
  {
    pair: 'exchange2016-to-v2017_07_11',
    heading: 'm:ResponseCodeType',
    entry:
      '- value ErrorServiceUnavailable added: **breaks reading** (exchange2016/messages.xsd:11 → v2017_07_11/messages.xsd:12)',
    opens: {
      'exchange2016/messages.xsd:11': '<xs:simpleType name="ResponseCodeType">',
      'v2017_07_11/messages.xsd:12': '<xs:simpleType name="ResponseCodeType">',
    },
    within: { 'v2017_07_11/messages.xsd:12': 'value="ErrorServiceUnavailable"' },
    lacks: { 'exchange2016/messages.xsd': '"ErrorServiceUnavailable"' },
  },
];

const schemaText = (path: string) => readFile(`${SHARED_EWS}/${path}`, 'utf8');

/** The lines of the declaration opened at `set/file:line`, up to its closing tag (named types do not nest). */
async function declarationAt(cited: string): Promise<{ first: string; text: string }> {
  const [path, line] = cited.split(':') as [string, string];
  const lines = (await schemaText(path)).split('\n').slice(Number(line) - 1);
  const tag = /<((?:xs|wsdl):\w+)/.exec(lines[0]!)?.[1];
  const end = lines.findIndex((l) => l.includes(`</${tag}>`) || /\/>\s*$/.test(lines[0]!));
  return { first: lines[0]!, text: lines.slice(0, end < 0 ? 1 : end + 1).join('\n') };
}

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

  it('say what the schema text says: entries of every pair checked by hand against the files', async () => {
    const pairs = new Set(HAND_CHECKED.map((c) => c.pair));
    expect(pairs.size).toBe(6);
    for (const c of HAND_CHECKED) {
      const log = await readFile(`docs/schema-changes/${c.pair}.md`, 'utf8');
      const section = log.split('\n### ').find((s) => s.startsWith(`${c.heading}\n`));
      expect(section?.split('\n'), `${c.pair}: ### ${c.heading}`).toContain(c.entry);
      for (const [cited, opening] of Object.entries(c.opens))
        expect((await declarationAt(cited)).first.trim(), cited).toContain(opening);
      for (const [cited, text] of Object.entries(c.within ?? {}))
        expect((await declarationAt(cited)).text, cited).toContain(text);
      for (const [path, text] of Object.entries(c.lacks ?? {}))
        expect(await schemaText(path), path).not.toContain(text);
    }
  });
});
