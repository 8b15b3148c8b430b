import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverEws, EwsDiscoveryError, type DiscoverOptions } from '../../generated/autodiscover/discover.js';
import { basicAuth, httpTransport } from '../../generated/runtime/index.js';
import { startStandIn, type StandIn } from '../../generator/stand-in/server.js';

/*
 * discoverEws against stand-ins on loopback, one per host name: the transport factory maps
 * https://HOST/PATH to the stand-in playing HOST (an unknown host refuses the connection), the
 * HTTP redirect's GET and the SRV lookup are injected.
 */
type Answer = { found: string } | { redirectAddress: string } | { redirectUrl: string };
const PASSWORD = 'Discover-me-1';
const servers = new Map<string, StandIn>();
const answers = new Map<string, Answer>();

async function host(name: string, answer: Answer): Promise<void> {
  answers.set(name, answer);
  if (servers.has(name)) return;
  servers.set(
    name,
    await startStandIn({
      auth: { basic: [{ username: 'alice', password: PASSWORD }] },
      autodiscoverHandlers: {
        GetUserSettings: () => {
          const a = answers.get(name)!;
          const user =
            'found' in a
              ? { ErrorCode: 'NoError', UserSettings: { UserSetting: [{ $type: 'StringSetting', Name: 'ExternalEwsUrl', Value: a.found }, { $type: 'StringSetting', Name: 'CasVersion', Value: '15.02.1544.004' }] } }
              : 'redirectAddress' in a
                ? { ErrorCode: 'RedirectAddress', RedirectTarget: a.redirectAddress }
                : { ErrorCode: 'RedirectUrl', RedirectTarget: a.redirectUrl };
          return { Response: { ErrorCode: 'NoError', UserResponses: { UserResponse: [user] } } };
        },
      },
    }),
  );
}

/** Which hosts got a request, and whether with credentials. */
let asked: { host: string; withAuth: boolean }[] = [];
const envelopes: string[] = [];
function options(extra: Partial<DiscoverOptions> = {}): DiscoverOptions {
  return {
    auth: basicAuth('alice', PASSWORD),
    transport: (url, auth) => {
      const host = /^https:\/\/([^/]+)\//.exec(url)![1]!;
      asked.push({ host, withAuth: !!auth });
      const server = servers.get(host);
      const target = server ? new URL(server.autodiscoverUrl).origin + new URL(url).pathname : 'http://127.0.0.1:1/autodiscover/autodiscover.svc';
      return httpTransport({
        url: target,
        allowHttp: true,
        retry: { maxRetries: 0 },
        traceBodies: true,
        hooks: { onRequest: (e) => void envelopes.push(e.body!) },
        ...(auth ? { auth } : {}),
      });
    },
    httpGet: async () => ({ status: 404 }),
    resolveSrv: async () => [],
    ...extra,
  };
}

beforeAll(() => {
  asked = [];
});
afterAll(async () => {
  for (const s of servers.values()) await s.close();
});

describe('discoverEws', () => {
  it('asks https://DOMAIN first, and returns the EWS URL and the settings', async () => {
    await host('contoso.example', { found: 'https://mail.contoso.example/EWS/Exchange.asmx' });
    const r = await discoverEws('alice@contoso.example', options());
    expect(r.ewsUrl).toBe('https://mail.contoso.example/EWS/Exchange.asmx');
    expect(r.settings.CasVersion).toBe('15.02.1544.004');
    expect(r.autodiscoverUrl).toBe('https://contoso.example/autodiscover/autodiscover.svc');
    expect(r.serverVersion?.Version).toBe('Exchange2013_SP1');
    expect(r.steps.map((s) => s.outcome)).toEqual(['found https://mail.contoso.example/EWS/Exchange.asmx']);
    // The request named the mailbox and carried the WS-Addressing headers the service requires.
    const body = servers.get('contoso.example')!.requests.at(-1)!.body as { Request: { Users: { User: { Mailbox: string }[] } } };
    expect(body.Request.Users.User[0]!.Mailbox).toBe('alice@contoso.example');
    expect(envelopes.at(-1)).toContain(
      '<soap:Header><a:RequestedServerVersion>Exchange2013</a:RequestedServerVersion>' +
        '<Action xmlns="http://www.w3.org/2005/08/addressing">http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettings</Action>' +
        '<To xmlns="http://www.w3.org/2005/08/addressing">https://contoso.example/autodiscover/autodiscover.svc</To></soap:Header>',
    );
  });

  it('then https://autodiscover.DOMAIN', async () => {
    await host('autodiscover.northwind.example', { found: 'https://ews.northwind.example/EWS/Exchange.asmx' });
    const r = await discoverEws('bob@northwind.example', options());
    expect(r.ewsUrl).toBe('https://ews.northwind.example/EWS/Exchange.asmx');
    expect(r.steps.map((s) => s.url)).toEqual(['https://northwind.example/autodiscover/autodiscover.svc', 'https://autodiscover.northwind.example/autodiscover/autodiscover.svc']);
    expect(r.steps[0]!.outcome).toMatch(/^network: ECONNREFUSED/);
  });

  it('follows RedirectAddress to another domain only once approveHost says yes', async () => {
    await host('adatum.example', { redirectAddress: 'carol@fabrikam.example' });
    await host('fabrikam.example', { found: 'https://mail.fabrikam.example/EWS/Exchange.asmx' });
    asked = [];
    const refused = await discoverEws('carol@adatum.example', options()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EwsDiscoveryError);
    expect((refused as Error).message).toBe('RedirectAddress to carol@fabrikam.example not approved (approveHost for fabrikam.example) (last: https://adatum.example/autodiscover/autodiscover.svc: RedirectAddress to carol@fabrikam.example)');
    expect(asked.map((a) => a.host)).not.toContain('fabrikam.example'); // no credentials went there
    const approvals: string[] = [];
    const r = await discoverEws('carol@adatum.example', options({ approveHost: (h, route) => (approvals.push(`${route} ${h}`), true) }));
    expect(r.ewsUrl).toBe('https://mail.fabrikam.example/EWS/Exchange.asmx');
    expect(r.email).toBe('carol@fabrikam.example');
    expect(approvals).toEqual(['redirect-address fabrikam.example']);
  });

  it('follows an https RedirectUrl once approved, and refuses a plain http one', async () => {
    await host('litware.example', { redirectUrl: 'https://ad.litware-hosting.example/autodiscover/autodiscover.svc' });
    await host('ad.litware-hosting.example', { found: 'https://litware-hosting.example/EWS/Exchange.asmx' });
    const r = await discoverEws('dan@litware.example', options({ approveHost: (h) => h === 'ad.litware-hosting.example' }));
    expect(r.ewsUrl).toBe('https://litware-hosting.example/EWS/Exchange.asmx');
    await host('plain.example', { redirectUrl: 'http://ad.plain.example/autodiscover/autodiscover.svc' });
    await expect(discoverEws('eve@plain.example', options({ approveHost: () => true }))).rejects.toThrow(/^RedirectUrl http:\/\/ad\.plain\.example\/autodiscover\/autodiscover\.svc is not https: not followed/);
  });

  it('uses the unauthenticated HTTP redirect when both SOAP endpoints fail, over https only', async () => {
    await host('mail.tailspin-hosted.example', { found: 'https://mail.tailspin-hosted.example/EWS/Exchange.asmx' });
    const gets: string[] = [];
    const httpGet = async (url: string) => (gets.push(url), { status: 302, location: 'https://mail.tailspin-hosted.example/autodiscover/autodiscover.xml' });
    const r = await discoverEws('fay@tailspin.example', options({ httpGet, approveHost: () => true }));
    expect(gets).toEqual(['http://autodiscover.tailspin.example/autodiscover/autodiscover.xml']);
    expect(r.ewsUrl).toBe('https://mail.tailspin-hosted.example/EWS/Exchange.asmx');
    const insecure = async () => ({ status: 302, location: 'http://mail.tailspin-hosted.example/autodiscover/autodiscover.xml' });
    const e = await discoverEws('fay@tailspin.example', options({ httpGet: insecure, approveHost: () => true })).catch((x: unknown) => x);
    expect((e as EwsDiscoveryError).steps.map((s) => s.outcome)).toContain('302 to http://mail.tailspin-hosted.example/autodiscover/autodiscover.xml, not https: not followed');
  });

  it('uses the SRV record last, by priority, each host approved first', async () => {
    await host('ad.wingtip-dns.example:8443', { found: 'https://wingtip-dns.example/EWS/Exchange.asmx' });
    const resolveSrv = async (name: string) => {
      expect(name).toBe('_autodiscover._tcp.wingtip.example');
      return [
        { name: 'backup.wingtip-dns.example.', port: 443, priority: 20, weight: 0 },
        { name: 'ad.wingtip-dns.example.', port: 8443, priority: 10, weight: 5 },
      ];
    };
    const approvals: string[] = [];
    const r = await discoverEws('gus@wingtip.example', options({ resolveSrv, approveHost: (h, route) => (approvals.push(`${route} ${h}`), true) }));
    expect(r.ewsUrl).toBe('https://wingtip-dns.example/EWS/Exchange.asmx');
    expect(r.autodiscoverUrl).toBe('https://ad.wingtip-dns.example:8443/autodiscover/autodiscover.svc');
    expect(approvals).toEqual(['srv ad.wingtip-dns.example']);
  });

  it('stops after maxHops redirects, and on what is not an address', async () => {
    await host('ping.example', { redirectAddress: 'x@pong.example' });
    await host('pong.example', { redirectAddress: 'x@ping.example' });
    await expect(discoverEws('x@ping.example', options({ approveHost: () => true }))).rejects.toThrow(/^more than 10 redirects/);
    await expect(discoverEws('not-an-address', options())).rejects.toThrow(/^not an email address: not-an-address/);
  });

  it('authenticates with NTLM on the Autodiscover host', async () => {
    const { ntlmAuth } = await import('../../generated/runtime/index.js');
    const ntlmHost = await startStandIn({
      auth: { ntlm: [{ username: 'CONTOSO\\alice', password: PASSWORD }] },
      autodiscoverHandlers: {
        GetUserSettings: () => ({
          Response: { ErrorCode: 'NoError', UserResponses: { UserResponse: [{ ErrorCode: 'NoError', UserSettings: { UserSetting: [{ $type: 'StringSetting', Name: 'InternalEwsUrl', Value: 'https://ex01.corp.example/EWS/Exchange.asmx' }] } }] } },
        }),
      },
    });
    try {
      const r = await discoverEws('alice@corp.example', {
        auth: ntlmAuth({ username: 'CONTOSO\\alice', password: PASSWORD }),
        transport: (url, auth) => httpTransport({ url: url.startsWith('https://corp.example/') ? ntlmHost.autodiscoverUrl : 'http://127.0.0.1:1/', allowHttp: true, ...(auth ? { auth } : {}) }),
      });
      expect(r.ewsUrl).toBe('https://ex01.corp.example/EWS/Exchange.asmx'); // InternalEwsUrl when there is no external one
      expect(ntlmHost.requests.map((q) => [q.status, q.user])).toEqual([
        [401, undefined],
        [200, 'CONTOSO\\alice'],
      ]);
    } finally {
      await ntlmHost.close();
    }
  });

  it('falls back to POX Autodiscover when SOAP fails: settings from the EXPR and EXCH protocols', async () => {
    const poxHost = await startStandIn({
      auth: { basic: [{ username: 'alice', password: PASSWORD }] },
      pox: (email) => ({
        'o:Response': {
          User: { DisplayName: 'Ivy', AutoDiscoverSMTPAddress: email },
          Account: {
            AccountType: 'email',
            Action: 'settings',
            Protocol: [
              { Type: 'EXCH', Server: 'ex01.relecloud.example', ServerVersion: '73C18880', ASUrl: 'https://ex01.relecloud.example/EWS/Exchange.asmx' },
              { Type: 'EXPR', Server: 'mail.relecloud.example', EwsUrl: 'https://mail.relecloud.example/EWS/Exchange.asmx' },
            ],
          },
        },
      }),
    });
    servers.set('relecloud.example', poxHost);
    const r = await discoverEws('ivy@relecloud.example', options());
    expect(r.ewsUrl).toBe('https://mail.relecloud.example/EWS/Exchange.asmx');
    expect(r.settings).toEqual({ ExternalEwsUrl: 'https://mail.relecloud.example/EWS/Exchange.asmx', InternalEwsUrl: 'https://ex01.relecloud.example/EWS/Exchange.asmx', ServerVersion: '73C18880' });
    expect(r.autodiscoverUrl).toBe('https://relecloud.example/autodiscover/autodiscover.xml');
    expect(r.steps.map((s) => s.step)).toEqual(['soap', 'soap', 'pox']);
    // What the stand-in read, strictly, of our POX request.
    expect(poxHost.requests.at(-1)!.body).toEqual({ Request: { EMailAddress: 'ivy@relecloud.example', AcceptableResponseSchema: 'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a' } });
  });

  it('goes on past a POX Error response, and follows a POX redirectAddr', async () => {
    const erring = await startStandIn({ pox: () => ({ 'ar:Response': { Error: { Time: '21:25:04.8897083', Id: '4130155072', ErrorCode: '600', Message: 'Invalid Request', DebugData: '' } } }) });
    const redirecting = await startStandIn({ pox: () => ({ 'o:Response': { Account: { AccountType: 'email', Action: 'redirectAddr', RedirectAddr: 'jo@contoso.example' } } }) });
    servers.set('fourthcoffee.example', erring);
    servers.set('autodiscover.fourthcoffee.example', redirecting);
    await host('contoso.example', { found: 'https://mail.contoso.example/EWS/Exchange.asmx' });
    const r = await discoverEws('jo@fourthcoffee.example', options({ approveHost: (h) => h === 'contoso.example' }));
    expect(r.ewsUrl).toBe('https://mail.contoso.example/EWS/Exchange.asmx');
    expect(r.email).toBe('jo@contoso.example');
    const pox = r.steps.filter((s) => s.step === 'pox').map((s) => s.outcome);
    expect(pox).toEqual(['error 600: Invalid Request', 'redirectAddr to jo@contoso.example']);
  });

  it('follows a POX redirectUrl to another POX endpoint once approved', async () => {
    const first = await startStandIn({ pox: () => ({ 'o:Response': { Account: { AccountType: 'email', Action: 'redirectUrl', RedirectUrl: 'https://ad.hosted-mail.example/autodiscover/autodiscover.xml' } } }) });
    const second = await startStandIn({
      pox: () => ({ 'o:Response': { Account: { AccountType: 'email', Action: 'settings', Protocol: [{ Type: 'EXPR', EwsUrl: 'https://hosted-mail.example/EWS/Exchange.asmx' }] } } }),
    });
    servers.set('alpineskihouse.example', first);
    servers.set('ad.hosted-mail.example', second);
    const r = await discoverEws('kim@alpineskihouse.example', options({ approveHost: (h, route) => route === 'redirect-url' && h === 'ad.hosted-mail.example' }));
    expect(r.ewsUrl).toBe('https://hosted-mail.example/EWS/Exchange.asmx');
    expect(r.autodiscoverUrl).toBe('https://ad.hosted-mail.example/autodiscover/autodiscover.xml');
  });

  it('names the last step when nothing answers, and sent credentials only to the user\'s own hosts', async () => {
    asked = [];
    const e = await discoverEws('hal@nowhere.example', options()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EwsDiscoveryError);
    expect((e as Error).message).toBe('no Autodiscover endpoint answered for hal@nowhere.example (last: _autodiscover._tcp.nowhere.example: no record)');
    expect((e as EwsDiscoveryError).steps.map((s) => s.step)).toEqual(['soap', 'soap', 'pox', 'pox', 'http-redirect', 'srv']);
    expect(asked).toEqual([
      { host: 'nowhere.example', withAuth: true },
      { host: 'autodiscover.nowhere.example', withAuth: true },
      { host: 'nowhere.example', withAuth: true },
      { host: 'autodiscover.nowhere.example', withAuth: true },
    ]);
  });
});
