import { readFile } from 'node:fs/promises';
import {
  basicAuth,
  bearerAuth,
  EwsResponseError,
  EwsSoapFaultError,
  EwsTransportError,
  EwsXmlError,
  httpTransport,
  ntlmAuth,
  SoapClient,
  type Authenticator,
} from '../generated/runtime/index.js';
import { SERVICES, EWS_PATH, type ServedOperation } from './stand-in/services.js';

/**
 * `ews-codegen call OPERATION --url URL [--body FILE.json|-] [--headers FILE.json]`: one request
 * through the SDK's HTTP transport, the typed response body printed as JSON (the way curl is
 * used to try an API). Credentials come from the environment only. Every failure is one line on
 * stderr, its kind first (`throttled: …`, `http 500: …`, `auth: …`), and exit code 1.
 */
export interface CallOptions {
  /** The EWS URL; or `autodiscover`, the address whose EWS URL Autodiscover finds. */
  url?: string;
  autodiscover?: { email: string; approve: readonly string[]; endpoint?: string };
  body?: string;
  headers?: string;
  auth?: string;
  allowHttp: boolean;
  impersonate?: string;
  ca?: string;
  timeoutMs?: number;
}

export const CALL_ENV = { user: 'EWS_CODEGEN_USERNAME', password: 'EWS_CODEGEN_PASSWORD', token: 'EWS_CODEGEN_BEARER_TOKEN' } as const;

/** Reaches SoapClient's call for an operation known only by name. */
class AnyClient extends SoapClient {
  send(op: ServedOperation, body: unknown, headers: Record<string, unknown>) {
    type Req = InstanceType<ServedOperation['Request']> & { body: unknown; headers: object };
    return this.call(op.Request as unknown as new (body: unknown, headers?: object) => Req, op.Response as never, body, headers);
  }
}

/** A mistake in the command line or its files: the message is the whole line. */
export class UsageError extends Error {}

/** The authenticator the environment's credentials make (`--auth basic|ntlm`), or none. */
export function authFromEnv(kind: string | undefined): Authenticator | undefined {
  // An empty variable counts as unset (`VAR= ews-codegen call …`).
  const env = (name: string) => process.env[name] || undefined;
  const user = env(CALL_ENV.user);
  const password = env(CALL_ENV.password);
  const token = env(CALL_ENV.token);
  if (kind !== undefined && kind !== 'basic' && kind !== 'ntlm') throw new UsageError(`--auth is basic or ntlm, not ${kind}`);
  if (user !== undefined && password !== undefined) return kind === 'ntlm' ? ntlmAuth({ username: user, password }) : basicAuth(user, password);
  if (kind) throw new UsageError(`--auth ${kind} needs ${CALL_ENV.user} and ${CALL_ENV.password} in the environment`);
  if (token !== undefined) return bearerAuth(async () => token);
  return undefined;
}

async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    text = Buffer.concat(chunks).toString('utf8');
  } else {
    text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${what} ${file}: ${e.code ?? e.message}`);
    });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what} ${file === '-' ? '(stdin)' : file} is not JSON: ${(e as Error).message}`);
  }
}

export async function call(operation: string, options: CallOptions): Promise<number> {
  try {
    const service = SERVICES.get(EWS_PATH.toLowerCase())!;
    const op = [...service.operations.values()].find((o) => o.spec.name === operation);
    if (!op) throw new UsageError(`no operation ${operation} in the EWS schema`);
    const body = options.body !== undefined ? await readJson(options.body, '--body') : {};
    const headers = (options.headers !== undefined ? await readJson(options.headers, '--headers') : {}) as Record<string, unknown>;
    const declared = (name: string) => op.spec.input.headers.some((h) => h.el === name);
    if (declared('RequestServerVersion') && headers.RequestServerVersion === undefined) headers.RequestServerVersion = { Version: 'Exchange2016' };
    if (options.impersonate) headers.ExchangeImpersonation = { ConnectingSID: { PrimarySmtpAddress: { $value: options.impersonate } } };
    const auth = authFromEnv(options.auth);
    let url = options.url;
    if (options.autodiscover) {
      const { discover } = await import('./discover.js');
      const found = await discover(options.autodiscover.email, {
        ...(auth ? { auth } : {}),
        approve: options.autodiscover.approve,
        ...(options.autodiscover.endpoint ? { endpoint: options.autodiscover.endpoint } : {}),
        allowHttp: options.allowHttp,
        ...(options.ca ? { ca: options.ca } : {}),
      });
      url = found.ewsUrl;
    }
    if (!url) throw new UsageError('call needs --url or --autodiscover EMAIL');
    const transport = httpTransport({
      url,
      allowHttp: options.allowHttp,
      ...(auth ? { auth } : {}),
      ...(options.ca ? { ca: await readFile(options.ca, 'utf8') } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
    try {
      const response = await new AnyClient(transport).send(op, body, headers);
      process.stdout.write(`${JSON.stringify(response.body, null, 2)}\n`);
      return 0;
    } finally {
      transport.close();
    }
  } catch (e) {
    process.stderr.write(`ews-codegen: ${describe(e)}\n`);
    return 1;
  }
}

/** One line for any failure, its kind first; never a stack trace, never a credential. */
function describe(e: unknown): string {
  if (e instanceof EwsTransportError) return e.message;
  if (e instanceof EwsSoapFaultError) return `fault: ${e.fault.responseCode ?? e.fault.faultcode}: ${e.fault.message ?? e.fault.faultstring}`;
  if (e instanceof EwsResponseError) return `response: ${e.message}`;
  if (e instanceof EwsXmlError) return `xml: ${e.message}`;
  if (e instanceof UsageError) return e.message;
  if ((e as Error).name === 'EwsDiscoveryError') return `discover: ${(e as Error).message}`;
  return `error: ${(e as Error).message}`;
}
