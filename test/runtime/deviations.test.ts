import { describe, expect, it } from 'vitest';
import { EwsClient } from '../../generated/ews/client.js';
import { GetServerTimeZonesResponse } from '../../generated/ews/operations.js';
import { compiled } from '../../generated/ews/schema.js';
import { ACCEPTED, emptyContentDeviation } from '../../generated/runtime/deviations.js';
import { EwsXmlError, readXml, SERVER_DEVIATIONS } from '../../generated/runtime/index.js';

/** What Exchange Online and Exchange 2019 answer for some zones: an empty t:Periods, which the schema forbids. */
const EMPTY_PERIODS = `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><m:GetServerTimeZonesResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:ResponseMessages><m:GetServerTimeZonesResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:TimeZoneDefinitions><t:TimeZoneDefinition Id="UTC" Name="(UTC) Coordinated Universal Time"><t:Periods/></t:TimeZoneDefinition></m:TimeZoneDefinitions></m:GetServerTimeZonesResponseMessage></m:ResponseMessages></m:GetServerTimeZonesResponse></s:Body></s:Envelope>`;

describe('known server deviations', () => {
  it('each says what it is, where it was seen and why accepting it loses nothing', () => {
    for (const d of SERVER_DEVIATIONS)
      for (const field of [d.what, d.seen, d.why]) expect(field.length).toBeGreaterThan(20);
  });

  it('are what the reader accepts, one for one (its table leaves their words out)', () => {
    const key = (d: { ns: string; emptyContentOf: string }) => `${d.ns}|${d.emptyContentOf}`;
    expect(SERVER_DEVIATIONS.map(key)).toEqual(ACCEPTED.map(key));
    for (const d of SERVER_DEVIATIONS) {
      expect(emptyContentDeviation(d.ns, d.emptyContentOf)?.reads).toBe(d.reads);
    }
  });

  it('the clients accept an empty t:Periods by default, reading it as no periods', async () => {
    const client = new EwsClient(async () => EMPTY_PERIODS);
    const r = await client.getServerTimeZones({});
    const message = r.body.ResponseMessages.$items[0]!;
    expect(message).toMatchObject({
      TimeZoneDefinitions: { TimeZoneDefinition: [{ Id: 'UTC', Periods: { Period: [] } }] },
    });
  });

  it('strict reading without the deviations refuses it, naming the element; so do clients told to', async () => {
    expect(() => readXml(compiled, EMPTY_PERIODS)).toThrow(
      /\/t:Periods \(line 1\): content ends too early: expected Period$/,
    );
    expect(() => GetServerTimeZonesResponse.fromEnvelope(EMPTY_PERIODS)).toThrow(EwsXmlError);
    await expect(
      new EwsClient(async () => EMPTY_PERIODS, { acceptServerDeviations: false }).getServerTimeZones({}),
    ).rejects.toThrow(EwsXmlError);
  });

  it('accepts exactly that: other incomplete content stays refused', async () => {
    const other = EMPTY_PERIODS.replace('<t:Periods/>', '<t:Periods/><t:TransitionsGroups/>');
    await expect(new EwsClient(async () => other).getServerTimeZones({})).rejects.toThrow(
      /t:TransitionsGroups \(line 1\): content ends too early: expected TransitionsGroup$/,
    );
  });
});
