/*
 * What the stand-in answers when it is told to misbehave, and the SOAP faults Exchange sends:
 * the envelopes are written the way Exchange writes them (faultcode in the types namespace,
 * ResponseCode and Message in the errors namespace, MessageXml with the details).
 */

export const NS = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  types: 'http://schemas.microsoft.com/exchange/services/2006/types',
  messages: 'http://schemas.microsoft.com/exchange/services/2006/messages',
  errors: 'http://schemas.microsoft.com/exchange/services/2006/errors',
} as const;

/** One way to misbehave; `times` (default 1) says for how many requests. */
export type Fault =
  | { kind: 'server-busy'; backOffMs: number }
  | { kind: 'busy-in-200'; backOffMs: number }
  | { kind: 'fault'; code: string; message?: string }
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  | { kind: 'html-500' }
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'slow-headers'; ms: number }
  | { kind: 'trickle'; chunkBytes: number; ms: number }
  | { kind: 'reset-mid-body' }
  | { kind: 'truncated' }
  | { kind: 'gzip' };

export interface FaultRule {
  fault: Fault;
  /** Only requests of this operation (default: any). */
  operation?: string;
  /** How many requests it applies to (default 1; Infinity for all). */
  times?: number;
}

/** What a fault plan is asked about each request: its operation and its number (1-based) overall. */
export interface FaultContext {
  operation: string;
  n: number;
}

export type FaultPlan = readonly FaultRule[] | ((request: FaultContext) => Fault | undefined);

/** Takes the fault for a request from a plan (rules are used up in order). */
export function faultFor(plan: FaultPlan | undefined, request: FaultContext, used: Map<FaultRule, number>): Fault | undefined {
  if (!plan) return undefined;
  if (typeof plan === 'function') return plan(request);
  for (const rule of plan) {
    if (rule.operation && rule.operation !== request.operation) continue;
    const n = used.get(rule) ?? 0;
    if (n >= (rule.times ?? 1)) continue;
    used.set(rule, n + 1);
    return rule.fault;
  }
  return undefined;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A SOAP fault as Exchange writes it; `messageXml` is the inner XML of t:MessageXml. */
export function soapFault(code: string, message: string, messageXml = ''): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="${NS.soap}"><s:Body><s:Fault>` +
    `<faultcode xmlns:a="${NS.types}">a:${code}</faultcode><faultstring xml:lang="en-US">${escape(message)}</faultstring>` +
    `<detail><e:ResponseCode xmlns:e="${NS.errors}">${code}</e:ResponseCode><e:Message xmlns:e="${NS.errors}">${escape(message)}</e:Message>` +
    (messageXml ? `<t:MessageXml xmlns:t="${NS.types}">${messageXml}</t:MessageXml>` : '') +
    `</detail></s:Fault></s:Body></s:Envelope>`
  );
}

export const BUSY_MESSAGE = 'The server cannot service this request right now. Try again later.';

export function serverBusyFault(backOffMs: number): string {
  return soapFault('ErrorServerBusy', BUSY_MESSAGE, `<t:Value Name="BackOffMilliseconds">${backOffMs}</t:Value>`);
}

/** ErrorSchemaValidation, with the line, position and violation as Exchange reports them. */
export function schemaValidationFault(violation: string, line: number | undefined): string {
  return soapFault(
    'ErrorSchemaValidation',
    `The request failed schema validation: ${violation}`,
    `<t:LineNumber>${line ?? 0}</t:LineNumber><t:LinePosition>0</t:LinePosition><t:Violation>${escape(violation)}</t:Violation>`,
  );
}

/**
 * ErrorServerBusy inside an HTTP 200, as Exchange Online sends it: the operation's response
 * with one response message of class Error. For operations whose response wraps its messages
 * in ResponseMessages (FindItem, GetItem, …).
 */
export function busyInResponse(operation: string, backOffMs: number): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="${NS.soap}"><s:Body>` +
    `<m:${operation}Response xmlns:m="${NS.messages}" xmlns:t="${NS.types}"><m:ResponseMessages>` +
    `<m:${operation}ResponseMessage ResponseClass="Error"><m:MessageText>${BUSY_MESSAGE}</m:MessageText>` +
    `<m:ResponseCode>ErrorServerBusy</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>` +
    `<m:MessageXml><t:Value Name="BackOffMilliseconds">${backOffMs}</t:Value></m:MessageXml>` +
    `</m:${operation}ResponseMessage></m:ResponseMessages></m:${operation}Response></s:Body></s:Envelope>`
  );
}

/** The page IIS shows for an unhandled 500: what clients that expect XML choke on. */
export const IIS_500_PAGE = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>500 - Internal server error.</title></head>
<body><div id="header"><h1>Server Error</h1></div><div id="content"><fieldset>
<h2>500 - Internal server error.</h2><h3>There is a problem with the resource you are looking for, and it cannot be displayed.</h3>
</fieldset></div></body></html>`;
