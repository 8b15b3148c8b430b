import { describe, expect, it } from 'vitest';
import { CompiledSchema } from '../../generated/runtime/compile.js';
import { EwsXmlError } from '../../generated/runtime/errors.js';
import { readXml } from '../../generated/runtime/read.js';
import { EnvelopeReader, SOAP_ENV } from '../../generated/runtime/read-envelope.js';
import type { GlobalElementDesc } from '../../generated/runtime/schema.js';

/* The SOAP layer of reading, on a schema of two inline elements: a header and a body. */
const NS = 'urn:test';
const Version: GlobalElementDesc = { el: 'Version', ns: NS, type: 'xs:string' };
const Ask: GlobalElementDesc = { el: 'Ask', ns: NS, type: 'xs:int' };
const Abstract: GlobalElementDesc = { el: 'Abstract', ns: NS, type: 'xs:string', abstract: true };
const schema = new CompiledSchema({
  namespaces: { t: NS },
  elements: { 't:Version': Version, 't:Ask': Ask, 't:Abstract': Abstract },
});

const reader = () =>
  new EnvelopeReader(
    schema,
    (message, at = '/here') => {
      throw new EwsXmlError(message, at);
    },
    () => '/here',
  );
const key = (local: string) => `${NS}|${local}`;

describe('EnvelopeReader', () => {
  it('places Header before Body, and nothing else in the envelope', () => {
    const r = reader();
    expect(r.place('envelope', SOAP_ENV, 'Header', '', 'soap:Header')).toBe('header');
    expect(r.place('envelope', SOAP_ENV, 'Body', '', 'soap:Body')).toBe('body');
    expect(() => r.place('envelope', SOAP_ENV, 'Header', '', 'soap:Header')).toThrow(
      'unexpected soap:Header in the SOAP envelope',
    );
    expect(() => reader().place('envelope', NS, 'Ask', key('Ask'), 't:Ask')).toThrow(
      'unexpected t:Ask in the SOAP envelope',
    );
  });

  it('reads schema headers typed, keeps other namespaces as read, and refuses a header twice', () => {
    const r = reader();
    const version = r.place('header', NS, 'Version', key('Version'), 't:Version');
    expect(typeof version === 'object' && version.key).toBe('t:Version');
    expect(r.place('header', 'urn:other', 'To', 'urn:other|To', 'a:To')).toBe('foreign');
    r.header('t:Version', 'V1', 't:Version');
    const to = { ns: 'urn:other', local: 'To', attributes: {}, children: ['x'] };
    r.header(undefined, to, 'a:To');
    expect(r.document).toMatchObject({ headers: { Version: 'V1' }, otherHeaders: [to], headerOrder: ['t:Version', 0] });
    expect(() => r.header('t:Version', 'V2', 't:Version')).toThrow('t:Version appears twice in the SOAP header');
  });

  it('takes one body element of the schema or a fault, never two', () => {
    const r = reader();
    expect(() => r.place('body', 'urn:other', 'X', 'urn:other|X', 'o:X')).toThrow(
      'o:X is not an element of this schema',
    );
    expect(() => r.place('body', NS, 'Abstract', key('Abstract'), 't:Abstract')).toThrow('t:Abstract is abstract');
    expect(r.place('body', NS, 'Ask', key('Ask'), 't:Ask')).toMatchObject({ key: 't:Ask' });
    expect(r.document.element).toBe('t:Ask');
    expect(() => r.place('body', SOAP_ENV, 'Fault', '', 'soap:Fault')).toThrow('a second element in the SOAP body');
    const f = reader();
    expect(f.place('body', SOAP_ENV, 'Fault', '', 'soap:Fault')).toBe('fault');
    expect(f.document.element).toBe('soap:Fault');
  });

  it('checks a fault (SOAP 1.1: faultcode, faultstring, unqualified) at its path, when strict', () => {
    const fault = (...locals: string[]) => ({
      ns: SOAP_ENV,
      local: 'Fault',
      attributes: {},
      children: locals.map((local) => ({ ns: '', local, attributes: {}, children: [] })),
    });
    expect(() => reader().body(undefined, fault('faultstring', 'faultcode'), 'soap:Fault', true)).toThrow(
      expect.objectContaining({
        path: '/here/soap:Fault',
        message: expect.stringContaining('unexpected element faultcode in soap:Fault'),
      }),
    );
    expect(() => reader().body(undefined, fault('faultcode'), 'soap:Fault', true)).toThrow(
      'soap:Fault needs faultcode and faultstring',
    );
    const lenient = reader();
    lenient.body(undefined, fault('faultstring'), 'soap:Fault', false);
    expect(lenient.document.fault?.children).toHaveLength(1);
  });

  it('refuses an envelope that ends without a body element', () => {
    expect(() => reader().end()).toThrow('the SOAP envelope has no body element');
  });
});

describe('readXml with the envelope layer', () => {
  const envelope = (header: string, body: string) =>
    `<soap:Envelope xmlns:soap="${SOAP_ENV}" xmlns:t="${NS}"><soap:Header>${header}</soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`;

  it('reads headers and body into the document', () => {
    const doc = readXml(
      schema,
      envelope('<t:Version>V1</t:Version><a:To xmlns:a="urn:a">x</a:To>', '<t:Ask>3</t:Ask>'),
    );
    expect(doc).toMatchObject({
      envelope: true,
      element: 't:Ask',
      value: 3,
      headers: { Version: 'V1' },
      headerOrder: ['t:Version', 0],
    });
    expect(doc.otherHeaders![0]).toMatchObject({ ns: 'urn:a', local: 'To', children: ['x'] });
  });

  it('names the element path of what it refuses', () => {
    const at = (xml: string) => {
      try {
        readXml(schema, xml);
      } catch (e) {
        const m = (e as EwsXmlError).message;
        return `${(e as EwsXmlError).path}: ${m.slice(m.indexOf(': ') + 2)}`;
      }
      return 'read';
    };
    expect(at(envelope('<t:Version>1</t:Version><t:Version>2</t:Version>', '<t:Ask>3</t:Ask>'))).toMatch(
      /^\/soap:Envelope\/soap:Header: t:Version appears twice in the SOAP header/,
    );
    expect(at(envelope('', '<t:Ask>3</t:Ask><t:Ask>4</t:Ask>'))).toMatch(
      /^\/soap:Envelope\/soap:Body\/t:Ask: a second element in the SOAP body/,
    );
    expect(at(envelope('', '<soap:Fault><faultstring>x</faultstring></soap:Fault>'))).toMatch(
      /^\/soap:Envelope\/soap:Body\/soap:Fault: soap:Fault needs faultcode and faultstring/,
    );
    expect(at(`<soap:Envelope xmlns:soap="${SOAP_ENV}"><soap:Body/></soap:Envelope>`)).toMatch(
      /^\/soap:Envelope: the SOAP envelope has no body element/,
    );
  });
});
