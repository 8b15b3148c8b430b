import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { EwsRequest, EwsResponse } from '../../generated/runtime/operation.js';
import type { ComplexDesc, GlobalElementDesc } from '../../generated/runtime/schema.js';
import type { OperationSpec } from '../../generated/runtime/soap.js';
import { writeFiles } from '../support/schemas.js';

/* The request and response base classes on one operation described inline. */
const NS = 'urn:test';
interface Ask {
  Id: number;
}
interface Answer {
  ResponseClass: 'Success' | 'Warning' | 'Error';
  ResponseCode?: string;
}
const Ask$: ComplexDesc = {
  kind: 'complex',
  name: 'Ask',
  ns: NS,
  attributes: [{ name: 'Id', type: 'xs:int', required: true }],
};
const Answer$: ComplexDesc = {
  kind: 'complex',
  name: 'Answer',
  ns: NS,
  attributes: [{ name: 'ResponseClass', type: 'xs:string', required: true }],
  content: { group: 'sequence', items: [{ el: 'ResponseCode', ns: NS, type: 'xs:string', min: 0 }] },
};
const AskElement: GlobalElementDesc<Ask> = { el: 'Ask', ns: NS, type: () => Ask$ };
const AnswerElement: GlobalElementDesc<Answer> = { el: 'Answer', ns: NS, type: () => Answer$ };
const AskOperation: OperationSpec<Ask, Answer> = {
  name: 'Ask',
  soapAction: 'urn:test/Ask',
  namespaces: { t: NS },
  input: { body: AskElement, headers: [] },
  output: { body: AnswerElement, headers: [] },
};
class AskRequest extends EwsRequest<Ask, object> {
  static readonly operation = AskOperation;
  readonly operation = AskOperation;
}
class AskResponse extends EwsResponse<Answer, object> {
  static readonly operation = AskOperation;
  readonly operation = AskOperation;
}

const ENVELOPE = (body: string) =>
  `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${body}</soap:Body></soap:Envelope>`;

describe('EwsRequest and EwsResponse', () => {
  it('write a request envelope and read it back into the class it was read as', () => {
    const xml = new AskRequest({ Id: 4 }).toEnvelope();
    expect(xml).toContain('<t:Ask Id="4"/>');
    const back = AskRequest.fromEnvelope(xml);
    expect(back).toBeInstanceOf(AskRequest);
    expect(back.body).toEqual({ Id: 4 });
  });

  it('read a response, with its messages and the first error thrown', () => {
    const ok = AskResponse.fromEnvelope(ENVELOPE('<t:Answer xmlns:t="urn:test" ResponseClass="Success"/>'));
    expect(ok.ok).toBe(true);
    const failed = AskResponse.fromEnvelope(
      ENVELOPE(
        '<t:Answer xmlns:t="urn:test" ResponseClass="Error"><t:ResponseCode>ErrorItemNotFound</t:ResponseCode></t:Answer>',
      ),
    );
    expect(failed.messages).toEqual([{ ResponseClass: 'Error', ResponseCode: 'ErrorItemNotFound' }]);
    expect(() => failed.throwIfError()).toThrow(/ErrorItemNotFound/);
  });

  it('refuse an envelope of the other side of the operation, naming what was found', () => {
    expect(() => AskResponse.fromEnvelope(new AskRequest({ Id: 1 }).toEnvelope())).toThrow(
      'expected t:Answer in the SOAP body, found t:Ask',
    );
  });

  it("make tsc refuse a class whose body type is not its operation's", async () => {
    const runtime = join(process.cwd(), 'generated/runtime');
    const dir = await writeFiles({
      'mismatch.ts': `import { EwsRequest } from '${runtime}/operation.js';
import type { GlobalElementDesc } from '${runtime}/schema.js';
import type { OperationSpec } from '${runtime}/soap.js';
declare const Ask: GlobalElementDesc<{ Id: number }>;
declare const Answer: GlobalElementDesc<{ ResponseClass: string }>;
const AskOperation: OperationSpec<{ Id: number }, { ResponseClass: string }> = {
  name: 'Ask', soapAction: 'urn:test/Ask', namespaces: {},
  input: { body: Ask, headers: [] },
  output: { body: Answer, headers: [] },
};
const WrongBody: OperationSpec<{ Name: string }, unknown> = AskOperation;
export class Mismatch extends EwsRequest<{ Name: string }, object> {
  readonly operation = AskOperation;
}
export { WrongBody };
`,
    });
    const program = ts.createProgram([join(dir, 'mismatch.ts')], {
      strict: true,
      noEmit: true,
      types: [],
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ES2022,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
    });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .map(
        (d) =>
          `${ts.getLineAndCharacterOfPosition(d.file!, d.start!).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0]}`,
      );
    expect(errors).toEqual([
      "11: Type 'OperationSpec<{ Id: number; }, { ResponseClass: string; }>' is not assignable to type 'OperationSpec<{ Name: string; }, unknown>'.",
      "13: Property 'operation' in type 'Mismatch' is not assignable to the same property in base type 'EwsRequest<{ Name: string; }, object>'.",
    ]);
  });
});
