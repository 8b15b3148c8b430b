// ews-codegen: copied verbatim into generated/autodiscover/. Do not edit the copy.
/*
 * Finding a mailbox's EWS endpoint from its address, in the order Microsoft documents
 * ("Autodiscover for Exchange"): SOAP Autodiscover at the user's domain, then at
 * autodiscover.DOMAIN, then POX Autodiscover at the same two hosts, then the unauthenticated HTTP
 * redirect (http://autodiscover.DOMAIN/autodiscover/autodiscover.xml answering a redirect to an
 * https URL), then the DNS SRV record _autodiscover._tcp.DOMAIN.
 * Redirects (RedirectAddress, RedirectUrl, the HTTP redirect, SRV) are followed over https only,
 * at most `maxHops` times, and a host they point to gets credentials only after `approveHost`
 * says yes: an attacker who controls DNS must not get the password.
 */
import type { Autodiscover_ar as PoxAnswer } from '../autodiscover-pox/responseschema.js';
import type { Protocol as PoxProtocol } from '../autodiscover-pox/responseschema2.js';
import { compiled as pox } from '../autodiscover-pox/schema.js';
import {
  EwsXmlError,
  httpTransport,
  readXml,
  writeElementDocument,
  type Authenticator,
  type EwsTransport,
  type HttpTransportOptions,
  type OperationSpec,
  type XmlElement,
} from '../runtime/index.js';
import { nodeModule } from '../runtime/transport/node.js';
import type { ServerVersionInfo, UserResponse } from './autodiscover.js';
import { AutodiscoverClient } from './client.js';
import type { ExchangeVersion } from './enums.js';

/** How a host came to be asked: it is the user's own domain, or a redirect or DNS pointed there. */
export type DiscoveryRoute = 'redirect-address' | 'redirect-url' | 'http-redirect' | 'srv';

export interface SrvRecord {
  name: string;
  port: number;
  priority: number;
  weight: number;
}

export interface DiscoverOptions {
  auth?: Authenticator;
  /**
   * Whether credentials may go to `host`, which a redirect or DNS pointed to (never asked for the
   * user's own domain and autodiscover.DOMAIN). Default: no host is approved.
   */
  approveHost?: (host: string, route: DiscoveryRoute) => boolean | Promise<boolean>;
  /** Settings to ask for besides ExternalEwsUrl, InternalEwsUrl, CasVersion and EwsSupportedSchemas. */
  settings?: readonly string[];
  /** The RequestedServerVersion header (default Exchange2013). */
  requestedServerVersion?: ExchangeVersion;
  /** Options of the transports made for each Autodiscover URL (timeouts, ca, hooks, …). */
  transportOptions?: Omit<HttpTransportOptions, 'url' | 'auth'>;
  /** Makes the transport for an Autodiscover URL (default httpTransport); tests point it at loopback. */
  transport?: (url: string, auth: Authenticator | undefined) => EwsTransport;
  /** DNS SRV lookup (default node:dns). */
  resolveSrv?: (name: string) => Promise<SrvRecord[]>;
  /** A GET without credentials, for the HTTP redirect method: its status and Location (default node:http). */
  httpGet?: (url: string) => Promise<{ status: number; location?: string }>;
  /** Most redirects followed (default 10). */
  maxHops?: number;
  /**
   * A known Autodiscover URL to ask instead of the sequence (redirects are still followed, under
   * the same rules); it gets the credentials as given.
   */
  endpoint?: string;
}

/** One thing discovery tried, and how it ended. */
export interface DiscoveryStep {
  step: 'soap' | 'pox' | 'http-redirect' | 'srv';
  url: string;
  outcome: string;
}

export interface DiscoveryResult {
  /** The EWS endpoint: ExternalEwsUrl, else InternalEwsUrl. */
  ewsUrl: string;
  /** The address discovery ended with (RedirectAddress may change it). */
  email: string;
  /** The Autodiscover URL that answered. */
  autodiscoverUrl: string;
  /** The string settings returned, by name. */
  settings: Record<string, string>;
  /** The server's ServerVersionInfo header, when it sent one. */
  serverVersion?: ServerVersionInfo;
  steps: DiscoveryStep[];
}

/** Discovery failed; the message names the last step, `steps` says what was tried. */
export class EwsDiscoveryError extends Error {
  constructor(
    message: string,
    readonly steps: readonly DiscoveryStep[],
  ) {
    super(message);
    this.name = 'EwsDiscoveryError';
  }
}

const ADDRESSING = 'http://www.w3.org/2005/08/addressing';

/**
 * The WS-Addressing headers SOAP Autodiscover requires of every request, Action (the operation's
 * SOAP action) and To (the URL): `new AutodiscoverClient(transport, { otherHeaders: wsAddressing(url) })`.
 */
export function wsAddressing(url: string): (operation: OperationSpec) => XmlElement[] {
  const header = (local: string, text: string): XmlElement => ({
    ns: ADDRESSING,
    local,
    attributes: {},
    children: [text],
  });
  return (operation) => [header('Action', operation.soapAction), header('To', url)];
}
const NEEDED = ['ExternalEwsUrl', 'InternalEwsUrl', 'CasVersion', 'EwsSupportedSchemas'];
const soapUrl = (authority: string) => `https://${authority}/autodiscover/autodiscover.svc`;
const poxUrl = (authority: string) => `https://${authority}/autodiscover/autodiscover.xml`;
const POX_RESPONSE_SCHEMA = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a';

/** The EWS URL of a POX protocol entry: EwsUrl, else ASUrl (which Exchange sets to the same). */
const ewsOf = (p: PoxProtocol | undefined) => p?.EwsUrl ?? p?.ASUrl;

type Outcome =
  | { kind: 'found'; result: Omit<DiscoveryResult, 'steps' | 'email'> }
  | { kind: 'redirect-address'; email: string }
  /** `pox`: the URL is a POX endpoint (a POX answer redirected there). */
  | { kind: 'redirect-url'; url: string; pox: boolean }
  | { kind: 'failed' };

/**
 * One POX Autodiscover request (plain XML POSTed to …/autodiscover/autodiscover.xml), read
 * strictly into its typed answer: `'o:Response'` with the User and Account, or `'ar:Response'`
 * with an Error. The typed POX client; discoverEws uses it.
 */
export async function poxAutodiscover(transport: EwsTransport, email: string): Promise<PoxAnswer> {
  const body = writeElementDocument(pox, 'r:Autodiscover', {
    Request: { EMailAddress: email, AcceptableResponseSchema: POX_RESPONSE_SCHEMA },
  });
  const reply = await transport.send({ envelope: body, soapAction: '', operation: 'Autodiscover (POX)' });
  const doc = readXml(pox, reply.text);
  if (doc.element !== 'ar:Autodiscover') throw new EwsXmlError('not a POX Autodiscover response', `/${doc.element}`);
  return doc.value as PoxAnswer;
}

/** The EWS URL of a mailbox, from its address (see the top of this file for the order). */
export async function discoverEws(email: string, options: DiscoverOptions = {}): Promise<DiscoveryResult> {
  const steps: DiscoveryStep[] = [];
  const maxHops = options.maxHops ?? 10;
  const makeTransport =
    options.transport ??
    ((url, auth) => httpTransport({ ...options.transportOptions, url, ...(auth ? { auth } : {}) }));
  const approved = new Set<string>();
  const approve = async (host: string, route: DiscoveryRoute, own: string) => {
    if (host === own || host === `autodiscover.${own}` || approved.has(host)) return true;
    const yes = (await options.approveHost?.(host, route)) ?? false;
    if (yes) approved.add(host);
    return yes;
  };
  const fail = (message: string): never => {
    throw new EwsDiscoveryError(
      `${message}${steps.length ? ` (last: ${steps.at(-1)!.url}: ${steps.at(-1)!.outcome})` : ''}`,
      steps,
    );
  };

  /** Asks one Autodiscover URL for the user's settings. */
  const ask = async (url: string, mailbox: string): Promise<Outcome> => {
    const transport = makeTransport(url, options.auth);
    const note = (outcome: string) => steps.push({ step: 'soap', url, outcome });
    try {
      const response = await new AutodiscoverClient(transport, { otherHeaders: wsAddressing(url) }).getUserSettings(
        {
          Request: {
            Users: { User: [{ Mailbox: mailbox }] },
            RequestedSettings: { Setting: [...new Set([...NEEDED, ...(options.settings ?? [])])] },
          },
        },
        { RequestedServerVersion: options.requestedServerVersion ?? 'Exchange2013' },
      );
      const top = response.body.Response;
      if (top?.ErrorCode && top.ErrorCode !== 'NoError') {
        note(`${top.ErrorCode}${top.ErrorMessage ? `: ${top.ErrorMessage}` : ''}`);
        return { kind: 'failed' };
      }
      const user: UserResponse | null | undefined = top?.UserResponses?.UserResponse?.[0];
      if (!user) {
        note('no UserResponse');
        return { kind: 'failed' };
      }
      const code = user.ErrorCode ?? 'NoError';
      if ((code === 'RedirectAddress' || code === 'RedirectUrl') && user.RedirectTarget) {
        note(`${code} to ${user.RedirectTarget}`);
        return code === 'RedirectAddress'
          ? { kind: 'redirect-address', email: user.RedirectTarget }
          : { kind: 'redirect-url', url: user.RedirectTarget, pox: false };
      }
      if (code !== 'NoError') {
        note(`${code}${user.ErrorMessage ? `: ${user.ErrorMessage}` : ''}`);
        return { kind: 'failed' };
      }
      const settings: Record<string, string> = {};
      for (const s of user.UserSettings?.UserSetting ?? []) {
        if (s && s.$type === 'StringSetting' && s.Name && typeof s.Value === 'string') settings[s.Name] = s.Value;
      }
      const ewsUrl = settings.ExternalEwsUrl ?? settings.InternalEwsUrl;
      if (!ewsUrl) {
        note('answered, but with neither ExternalEwsUrl nor InternalEwsUrl');
        return { kind: 'failed' };
      }
      note(`found ${ewsUrl}`);
      return {
        kind: 'found',
        result: {
          ewsUrl,
          autodiscoverUrl: url,
          settings,
          ...(response.headers.ServerVersionInfo ? { serverVersion: response.headers.ServerVersionInfo } : {}),
        },
      };
    } catch (e) {
      note((e as Error).message);
      return { kind: 'failed' };
    } finally {
      transport.close();
    }
  };

  /** Asks one POX Autodiscover URL (plain XML over POST) for the user's settings. */
  const askPox = async (url: string, mailbox: string): Promise<Outcome> => {
    const transport = makeTransport(url, options.auth);
    const note = (outcome: string) => steps.push({ step: 'pox', url, outcome });
    try {
      const answer = await poxAutodiscover(transport, mailbox);
      const error = answer['ar:Response']?.Error ?? answer['o:Response']?.Account?.Error;
      if (error) {
        note(`error ${error.ErrorCode ?? '?'}${error.Message ? `: ${error.Message}` : ''}`);
        return { kind: 'failed' };
      }
      const account = answer['o:Response']?.Account;
      if (account?.Action === 'redirectAddr' && account.RedirectAddr) {
        note(`redirectAddr to ${account.RedirectAddr}`);
        return { kind: 'redirect-address', email: account.RedirectAddr };
      }
      if (account?.Action === 'redirectUrl' && account.RedirectUrl) {
        note(`redirectUrl to ${account.RedirectUrl}`);
        return { kind: 'redirect-url', url: account.RedirectUrl, pox: true };
      }
      const protocols = account?.Protocol ?? [];
      const external = ewsOf(protocols.find((p) => p.Type === 'EXPR'));
      const internal = ewsOf(protocols.find((p) => p.Type === 'EXCH'));
      const ewsUrl = external ?? internal;
      if (!ewsUrl) {
        note('answered, but with no EWS URL (EwsUrl or ASUrl of an EXPR or EXCH protocol)');
        return { kind: 'failed' };
      }
      note(`found ${ewsUrl}`);
      const settings: Record<string, string> = {};
      if (external) settings.ExternalEwsUrl = external;
      if (internal) settings.InternalEwsUrl = internal;
      const version = protocols.find((p) => p.Type === 'EXCH')?.ServerVersion;
      if (version) settings.ServerVersion = version;
      return { kind: 'found', result: { ewsUrl, autodiscoverUrl: url, settings } };
    } catch (e) {
      note((e as Error).message);
      return { kind: 'failed' };
    } finally {
      transport.close();
    }
  };

  let mailbox = email;
  for (let hops = 0; ; hops++) {
    if (hops > maxHops) fail(`more than ${maxHops} redirects`);
    const domain = mailbox.slice(mailbox.lastIndexOf('@') + 1).toLowerCase();
    if (!domain || !mailbox.includes('@')) fail(`not an email address: ${mailbox}`);
    let next: Outcome = { kind: 'failed' };
    // A known endpoint replaces the sequence for the first address; a redirected one gets it all.
    const known = hops === 0 ? options.endpoint : undefined;
    const candidates = known !== undefined ? [known] : [soapUrl(domain), soapUrl(`autodiscover.${domain}`)];
    for (const url of candidates) {
      next = url.endsWith('.xml') ? await askPox(url, mailbox) : await ask(url, mailbox);
      if (next.kind !== 'failed') break;
    }
    // Then the POX endpoints, the same two hosts.
    for (const url of known === undefined ? [poxUrl(domain), poxUrl(`autodiscover.${domain}`)] : []) {
      if (next.kind !== 'failed') break;
      next = await askPox(url, mailbox);
    }
    if (next.kind === 'failed' && known === undefined) next = await viaHttpRedirect(domain);
    if (next.kind === 'failed' && known === undefined) next = await viaSrv(domain);
    // A RedirectUrl is asked at once, as often as servers send one (each counts as a hop).
    while (next.kind === 'redirect-url') {
      if (++hops > maxHops) fail(`more than ${maxHops} redirects`);
      const url = parseHttps(next.url);
      if (!url) fail(`RedirectUrl ${next.url} is not https: not followed`);
      if (!(await approve(url!.host, 'redirect-url', domain)))
        fail(`RedirectUrl to ${url!.host} not approved (approveHost)`);
      next = next.pox ? await askPox(url!.href, mailbox) : await ask(url!.href, mailbox);
    }
    if (next.kind === 'found') return { ...next.result, email: mailbox, steps };
    if (next.kind === 'redirect-address') {
      const to = next.email.slice(next.email.lastIndexOf('@') + 1).toLowerCase();
      if (to !== domain && !(await approve(to, 'redirect-address', domain)))
        fail(`RedirectAddress to ${next.email} not approved (approveHost for ${to})`);
      mailbox = next.email;
      continue;
    }
    fail(`no Autodiscover endpoint answered for ${mailbox}`);
  }

  /** http://autodiscover.DOMAIN/autodiscover/autodiscover.xml, without credentials: a redirect to https names the host to ask. */
  async function viaHttpRedirect(domain: string): Promise<Outcome> {
    const url = `http://autodiscover.${domain}/autodiscover/autodiscover.xml`;
    let answer: { status: number; location?: string };
    try {
      answer = await (options.httpGet ?? nodeGet)(url);
    } catch (e) {
      steps.push({ step: 'http-redirect', url, outcome: (e as Error).message });
      return { kind: 'failed' };
    }
    const location = answer.location ? parseHttps(answer.location) : undefined;
    if (answer.status < 300 || answer.status >= 400 || !location) {
      steps.push({
        step: 'http-redirect',
        url,
        outcome: `${answer.status}${answer.location ? ` to ${answer.location}, not https: not followed` : ''}`,
      });
      return { kind: 'failed' };
    }
    steps.push({ step: 'http-redirect', url, outcome: `${answer.status} to ${location.href}` });
    if (!(await approve(location.host, 'http-redirect', domain))) {
      steps.push({ step: 'http-redirect', url: location.href, outcome: 'not approved (approveHost)' });
      return { kind: 'failed' };
    }
    // The redirect names a POX URL; its host answers SOAP too, which is asked first.
    const soap = await ask(soapUrl(location.host), mailbox);
    return soap.kind !== 'failed' ? soap : askPox(location.href, mailbox);
  }

  /** The SRV record _autodiscover._tcp.DOMAIN: its targets, by priority and weight. */
  async function viaSrv(domain: string): Promise<Outcome> {
    const name = `_autodiscover._tcp.${domain}`;
    let records: SrvRecord[];
    try {
      records = await (options.resolveSrv ?? nodeResolveSrv)(name);
    } catch (e) {
      steps.push({ step: 'srv', url: name, outcome: (e as Error).message });
      return { kind: 'failed' };
    }
    records = [...records].sort((a, b) => a.priority - b.priority || b.weight - a.weight);
    if (!records.length) steps.push({ step: 'srv', url: name, outcome: 'no record' });
    for (const r of records) {
      const host = r.name.replace(/\.$/, '').toLowerCase();
      const authority = r.port === 443 ? host : `${host}:${r.port}`;
      steps.push({ step: 'srv', url: name, outcome: `${authority}` });
      if (!(await approve(host, 'srv', domain))) {
        steps.push({ step: 'srv', url: soapUrl(authority), outcome: 'not approved (approveHost)' });
        continue;
      }
      const soap = await ask(soapUrl(authority), mailbox);
      if (soap.kind !== 'failed') return soap;
      const outcome = await askPox(poxUrl(authority), mailbox);
      if (outcome.kind !== 'failed') return outcome;
    }
    return { kind: 'failed' };
  }
}

function parseHttps(url: string): { href: string; host: string } | undefined {
  const m = /^https:\/\/([^/?#]+)/i.exec(url.trim());
  return m ? { href: url.trim(), host: m[1]!.toLowerCase() } : undefined;
}

function nodeResolveSrv(name: string): Promise<SrvRecord[]> {
  return nodeModule('node:dns').promises.resolveSrv(name);
}

/** A GET with node:http, nothing sent but the request line and Host; the body is not read. */
function nodeGet(url: string): Promise<{ status: number; location?: string }> {
  return new Promise((resolve, reject) => {
    const req = nodeModule('node:http').get(url, (res) => {
      res.resume();
      const location = res.headersDistinct.location?.[0];
      resolve({ status: res.statusCode ?? 0, ...(location !== undefined ? { location } : {}) });
    });
    req.on('error', (e: Error) => reject(e));
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')));
  });
}
