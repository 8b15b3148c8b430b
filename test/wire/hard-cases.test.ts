import { describe, expect, it } from 'vitest';
import { EwsClient } from '../../generated/ews/client.js';
import {
  DisconnectPhoneCallRequest,
  DisconnectPhoneCallResponse,
  GetItemResponse,
} from '../../generated/ews/operations.js';
import { compiled } from '../../generated/ews/schema.js';
import type {
  FindItemResponseMessageType,
  FindItemType,
  GetServerTimeZonesResponseMessageType,
} from '../../generated/ews/index.js';
import { EwsResponseError, EwsSoapFaultError, readXml, writeDocument } from '../../generated/runtime/index.js';
import { treeDiff, xmlTree } from '../support/xml-tree.js';
import { envelopeSchema, xmllintValidate } from '../support/xmllint.js';

const M = 'http://schemas.microsoft.com/exchange/services/2006/messages';
const T = 'http://schemas.microsoft.com/exchange/services/2006/types';
const envelope = (body: string, header = '') =>
  `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="${M}" xmlns:t="${T}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
  (header ? `<s:Header>${header}</s:Header>` : '') +
  `<s:Body>${body}</s:Body></s:Envelope>`;

/** Reads strictly, writes back, and checks the result equals the input as a tree and validates. */
function roundTrip(xml: string) {
  const doc = readXml(compiled, xml);
  const out = writeDocument(compiled, doc);
  expect(treeDiff(xmlTree(xml), xmlTree(out))).toBeUndefined();
  const judged = xmllintValidate(envelopeSchema(), new Map([['out', out]]));
  expect([...judged.invalid]).toEqual([]);
  return { doc, out };
}

const transition = (to: string) => `<t:Transition><t:To Kind="Period">${to}</t:To></t:Transition>`;
const absolute = (to: string, at: string) =>
  `<t:AbsoluteDateTransition><t:To Kind="Period">${to}</t:To><t:DateTime>${at}</t:DateTime></t:AbsoluteDateTransition>`;

describe('the cases peers get wrong', () => {
  it('keeps interleaved substitution-group members in document order (ArrayOfTransitionsType)', () => {
    const xml = envelope(
      `<m:GetServerTimeZonesResponse><m:ResponseMessages><m:GetServerTimeZonesResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:TimeZoneDefinitions>` +
        `<t:TimeZoneDefinition Id="W. Europe Standard Time"><t:Periods><t:Period Bias="-PT1H" Name="Standard" Id="trule:Microsoft/Registry/W. Europe Standard Time/2006-Standard"/></t:Periods>` +
        `<t:Transitions>${transition('trule:A')}${absolute('trule:B', '2007-01-01T00:00:00')}${transition('trule:C')}</t:Transitions>` +
        `</t:TimeZoneDefinition></m:TimeZoneDefinitions></m:GetServerTimeZonesResponseMessage></m:ResponseMessages></m:GetServerTimeZonesResponse>`,
    );
    const { doc, out } = roundTrip(xml);
    const body = doc.value as { ResponseMessages: { $items: GetServerTimeZonesResponseMessageType[] } };
    const transitions = body.ResponseMessages.$items[0]!.TimeZoneDefinitions!.TimeZoneDefinition![0]!.Transitions!;
    expect(transitions.Transition!.map((t) => [t.$element, t.To.$value])).toEqual([
      ['Transition', 'trule:A'],
      ['AbsoluteDateTransition', 'trule:B'],
      ['Transition', 'trule:C'],
    ]);
    expect(out.indexOf('trule:A')).toBeLessThan(out.indexOf('trule:B'));
    expect(out.indexOf('trule:B')).toBeLessThan(out.indexOf('trule:C'));
  });

  it('keeps a repeated choice in order: Message, CalendarItem, Message', () => {
    const item = (kind: string, id: string) =>
      `<t:${kind}><t:ItemId Id="${id}" ChangeKey="ck"/><t:Subject>${id}</t:Subject></t:${kind}>`;
    const xml = envelope(
      `<m:FindItemResponse><m:ResponseMessages><m:FindItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>` +
        `<m:RootFolder TotalItemsInView="3" IncludesLastItemInRange="true"><t:Items>${item('Message', 'a')}${item('CalendarItem', 'b')}${item('Message', 'c')}</t:Items></m:RootFolder>` +
        `</m:FindItemResponseMessage></m:ResponseMessages></m:FindItemResponse>`,
    );
    const { doc } = roundTrip(xml);
    const message = (doc.value as { ResponseMessages: { $items: FindItemResponseMessageType[] } }).ResponseMessages
      .$items[0]!;
    const items = message.RootFolder!.Items!.$items!;
    expect(items.map((i) => [i.$element, i.Subject])).toEqual([
      ['Message', 'a'],
      ['CalendarItem', 'b'],
      ['Message', 'c'],
    ]);
    // Numbers and booleans are typed on parse (node-soap returns such attributes as strings).
    expect(message.RootFolder!.TotalItemsInView).toBe(3);
    expect(message.RootFolder!.IncludesLastItemInRange).toBe(true);
  });

  it('reads and writes the abstract t:SearchExpression and t:Path substitution groups', () => {
    const xml = envelope(
      `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject"/><t:ExtendedFieldURI PropertyTag="0x1000" PropertyType="String"/></t:AdditionalProperties></m:ItemShape>` +
        `<m:Restriction><t:And><t:IsEqualTo><t:FieldURI FieldURI="item:Subject"/><t:FieldURIOrConstant><t:Constant Value="Hi"/></t:FieldURIOrConstant></t:IsEqualTo>` +
        `<t:Not><t:Exists><t:IndexedFieldURI FieldURI="contacts:EmailAddress" FieldIndex="EmailAddress1"/></t:Exists></t:Not>` +
        `<t:Contains ContainmentMode="Substring" ContainmentComparison="IgnoreCase"><t:FieldURI FieldURI="item:Body"/><t:Constant Value="x"/></t:Contains></t:And></m:Restriction>` +
        `<m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds></m:FindItem>`,
    );
    const { doc } = roundTrip(xml);
    const request = doc.value as FindItemType;
    // The published schema keeps the substitution groups: one t:SearchExpression in Restriction,
    // a repeated one in And, a repeated t:Path in AdditionalProperties, each naming its member.
    const and = request.Restriction!.SearchExpression;
    if (and.$element !== 'And') throw new Error(`expected And, read ${and.$element}`);
    expect(and.SearchExpression.map((e) => e.$element)).toEqual(['IsEqualTo', 'Not', 'Contains']);
    expect(request.ItemShape.AdditionalProperties!.Path.map((p) => p.$element)).toEqual([
      'FieldURI',
      'ExtendedFieldURI',
    ]);
  });

  it('turns a per-item error inside HTTP 200 into EwsResponseError with the code, keeping the response', async () => {
    const reply = envelope(
      `<m:GetItemResponse><m:ResponseMessages><m:GetItemResponseMessage ResponseClass="Error"><m:MessageText>Id is malformed.</m:MessageText><m:ResponseCode>ErrorInvalidIdMalformed</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey><m:Items/></m:GetItemResponseMessage></m:ResponseMessages></m:GetItemResponse>`,
    );
    const response = GetItemResponse.fromEnvelope(reply);
    expect(response.ok).toBe(false);
    expect(response.messages.map((m) => m.ResponseCode)).toEqual(['ErrorInvalidIdMalformed']);
    const client = new EwsClient(async () => reply);
    const error = await client
      .getItem({ ItemShape: { BaseShape: 'IdOnly' }, ItemIds: { $items: [{ $element: 'ItemId', Id: 'x' }] } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EwsResponseError);
    expect((error as EwsResponseError).responseCode).toBe('ErrorInvalidIdMalformed');
    expect((error as EwsResponseError).messageText).toBe('Id is malformed.');
  });

  it('turns a SOAP fault (HTTP 500, ErrorServerBusy) into EwsSoapFaultError with BackOffMilliseconds', async () => {
    const fault =
      `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorServerBusy</faultcode>` +
      `<faultstring xml:lang="en-US">The server cannot service this request right now. Try again later.</faultstring><detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorServerBusy</e:ResponseCode>` +
      `<e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">The server cannot service this request right now. Try again later.</e:Message>` +
      `<t:MessageXml xmlns:t="${T}"><t:Value Name="BackOffMilliseconds">297749</t:Value></t:MessageXml></detail></s:Fault></s:Body></s:Envelope>`;
    const client = new EwsClient(async () => fault);
    const error = await client.disconnectPhoneCall({ PhoneCallId: { Id: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EwsSoapFaultError);
    expect((error as EwsSoapFaultError).fault).toMatchObject({
      faultcode: 'a:ErrorServerBusy',
      responseCode: 'ErrorServerBusy',
      backOffMilliseconds: 297749,
    });
    // The fault also goes through roundtrip unchanged.
    expect(treeDiff(xmlTree(fault), xmlTree(writeDocument(compiled, readXml(compiled, fault))))).toBeUndefined();
  });
});

describe('requests and responses as classes', () => {
  it('writes the envelope with exactly the headers the binding declares, and reads it back', () => {
    const request = new DisconnectPhoneCallRequest(
      { PhoneCallId: { Id: 'OWVl4NWb3N29t' } },
      { RequestServerVersion: { Version: 'Exchange2010' } },
    );
    const xml = request.toEnvelope();
    expect(xml).toBe(
      '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">' +
        '<soap:Header><t:RequestServerVersion Version="Exchange2010"/></soap:Header><soap:Body><m:DisconnectPhoneCall><m:PhoneCallId Id="OWVl4NWb3N29t"/></m:DisconnectPhoneCall></soap:Body></soap:Envelope>',
    );
    expect(DisconnectPhoneCallRequest.fromEnvelope(xml).body).toEqual({ PhoneCallId: { Id: 'OWVl4NWb3N29t' } });
    expect(() => request.toEnvelope({ TimeZoneContext: {} } as never)).toThrow(
      /TimeZoneContext is not a header of this operation/,
    );
  });

  it('sends through an injectable transport with default headers, and types the answer', async () => {
    const sent: { envelope: string; action: string }[] = [];
    const client = new EwsClient(
      async (request, action) => {
        sent.push({ envelope: request, action });
        return request.includes('DisconnectPhoneCall')
          ? envelope(
              '<m:DisconnectPhoneCallResponse ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode></m:DisconnectPhoneCallResponse>',
            )
          : '';
      },
      {
        headers: {
          RequestServerVersion: { Version: 'Exchange2016' },
          TimeZoneContext: { TimeZoneDefinition: { Id: 'UTC' } },
        },
      },
    );
    const response = await client.disconnectPhoneCall({ PhoneCallId: { Id: 'abc' } });
    expect(response).toBeInstanceOf(DisconnectPhoneCallResponse);
    expect(response.body.ResponseCode).toBe('NoError');
    expect(sent[0]!.action).toBe(`${M}/DisconnectPhoneCall`);
    // DisconnectPhoneCall's binding declares RequestServerVersion but not TimeZoneContext.
    expect(sent[0]!.envelope).toContain('<t:RequestServerVersion Version="Exchange2016"/>');
    expect(sent[0]!.envelope).not.toContain('TimeZoneContext');
  });
});
