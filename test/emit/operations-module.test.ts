import { describe, expect, it } from 'vitest';
import { renderService } from '../../generator/emit/render.js';
import { modelOf, wsdlOf, xsd } from '../support/schemas.js';

/*
 * operations.ts and client.ts of a small service: per operation a spec typed by its request and
 * response bodies, header interfaces as the binding declares them, two classes that name only
 * the spec (the base classes read and write), and a client method.
 */
const SCHEMA = `
  <xs:complexType name="PingType"><xs:sequence><xs:element name="Text" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:complexType name="PingResponseType"><xs:sequence><xs:element name="Echo" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:complexType name="HeaderType"><xs:attribute name="Version" type="xs:string"/></xs:complexType>
  <xs:element name="Ping" type="t:PingType"/>
  <xs:element name="PingResponse" type="t:PingResponseType"/>
  <xs:element name="Header" type="t:HeaderType"/>`;

async function render() {
  const model = await modelOf({ 'service.wsdl': wsdlOf([{ name: 'Ping', headers: 1 }]), 'schema.xsd': xsd(SCHEMA) });
  const files = renderService(model, { folder: 'out', client: 'PingClient' });
  const file = (name: string) => files.find((f) => f.path === `out/${name}.ts`)!.text;
  return { operations: file('operations'), client: file('client') };
}

describe('the operations module', () => {
  it('types the spec by the request and response bodies, and the classes by nothing else', async () => {
    const { operations } = await render();
    expect(operations).toContain(`/** @wsdl Ping (service.wsdl) */
export const Ping: OperationSpec<PingType, PingResponseType> = {
  name: 'Ping',
  soapAction: 'urn:Ping',
  namespaces: NAMESPACES,
  input: { body: t_Ping, headers: [t_Header] },
  output: { body: t_PingResponse, headers: [] },
};`);
    expect(operations).toContain(`export class PingRequest extends EwsRequest<PingType, PingRequestHeaders> {
  static readonly operation = Ping;
  readonly operation = Ping;
}`);
    expect(operations).toContain(`export class PingResponse extends EwsResponse<PingResponseType, PingResponseHeaders> {
  static readonly operation = Ping;
  readonly operation = Ping;
}`);
    // One generic fromEnvelope in the base class; no casts anywhere.
    expect(operations).not.toMatch(/\bas \w/);
    expect(operations).not.toContain('fromEnvelope(');
  });

  it('declares the headers the binding declares for the input, and none for the output', async () => {
    const { operations } = await render();
    expect(operations).toContain('export interface PingRequestHeaders {\n  Header?: HeaderType;\n}');
    expect(operations).toContain('export interface PingResponseHeaders {}');
  });

  it('gives the client one method per operation, named after it', async () => {
    const { client } = await render();
    expect(client).toMatch(/^export class PingClient extends SoapClient \{$/m);
    expect(client.match(/^ {2}\w+\(/gm)).toEqual(['  ping(']);
    expect(client.split('\n')[1]).toMatch(/^\/\/ @ts-nocheck: /);
  });
});
