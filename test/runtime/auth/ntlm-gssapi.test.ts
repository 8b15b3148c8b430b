import { spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64, type Authenticator } from '../../../generated/runtime/auth/authenticator.js';
import { ntlmAuth } from '../../../generated/runtime/auth/ntlm.js';
import { EwsAuthError, httpTransport, type EwsTransport } from '../../../generated/runtime/index.js';
import { selfSignedCert } from '../../support/network.js';
import { tempDir } from '../../support/temp.js';

/*
 * Our NTLM client judged by an acceptor that is not ours: GSSAPI with gss-ntlmssp's NTLMSSP
 * mechanism (test/support/ntlm-acceptor.py), which checks the NTLMv2 response against the
 * password in NTLM_USER_FILE, verifies the MIC when the client flags one, and, given the
 * channel bindings of its TLS certificate, verifies ours (and, as Extended Protection
 * "Require", refuses a context that is not channel-bound).
 */
const PASSWORD = 'Tr0ub4dor&3';
const dir = tempDir('gssapi');
const acceptors: ChildProcess[] = [];
const tls = selfSignedCert();
let plainUrl = '';
let tlsUrl = '';

async function startAcceptor(name: string, args: string[]): Promise<number> {
  const portFile = join(dir, `${name}.port`);
  const child = spawn('/usr/bin/python3', [join(import.meta.dirname, '../../support/ntlm-acceptor.py'), portFile, ...args], {
    env: { ...process.env, NTLM_USER_FILE: join(dir, 'users') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  acceptors.push(child);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  for (let i = 0; i < 100 && !existsSync(portFile); i++) {
    if (child.exitCode !== null) throw new Error(`the GSSAPI acceptor exited (are gss-ntlmssp and python3-gssapi installed? npm run setup:test): ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!existsSync(portFile)) throw new Error(`the GSSAPI acceptor did not start: ${stderr}`);
  return Number(readFileSync(portFile, 'utf8'));
}

beforeAll(async () => {
  writeFileSync(join(dir, 'users'), `CONTOSO:alice:${PASSWORD}\n`);
  writeFileSync(join(dir, 'cert.pem'), tls.cert);
  writeFileSync(join(dir, 'key.pem'), tls.key);
  plainUrl = `http://127.0.0.1:${await startAcceptor('plain', [])}/EWS/Exchange.asmx`;
  tlsUrl = `https://localhost:${await startAcceptor('tls', ['--tls', join(dir, 'cert.pem'), join(dir, 'key.pem'), '--channel-binding', 'require'])}/EWS/Exchange.asmx`;
});

afterAll(() => {
  for (const a of acceptors) a.kill();
});

/** What the acceptor answers: `<ok user="…" connection="N" request="M"/>`. */
async function call(t: EwsTransport): Promise<{ user: string; connection: number; request: number }> {
  const reply = await t.send({ envelope: '<x/>', soapAction: 'urn:x', operation: 'Probe' });
  const m = /<ok user="([^"]*)" connection="(\d+)" request="(\d+)"\/>/.exec(reply.text);
  if (!m) throw new Error(`unexpected answer ${reply.text}`);
  return { user: m[1]!, connection: Number(m[2]), request: Number(m[3]) };
}

/** Our authenticator with its AUTHENTICATE message changed on the way out. */
function tampered(inner: Authenticator, change: (message: Uint8Array) => void): Authenticator {
  return {
    ...inner,
    authorize: (ctx) => inner.authorize(ctx),
    accepted: (ctx) => inner.accepted?.(ctx),
    async challenge(ctx, offered) {
      const header = await inner.challenge(ctx, offered);
      if (!header) return header;
      const message = fromBase64(header.slice(5));
      change(message);
      return `NTLM ${toBase64(message)}`;
    },
  };
}

/** Our authenticator seeing another certificate than the server's (or none). */
function withCertificate(inner: Authenticator, certificate: Uint8Array | undefined): Authenticator {
  return {
    ...inner,
    authorize: (ctx) => inner.authorize(ctx),
    accepted: (ctx) => inner.accepted?.(ctx),
    challenge: (ctx, offered) =>
      inner.challenge({ ...ctx, connection: { socketId: ctx.connection.socketId, state: ctx.connection.state, ...(certificate ? { peerCertificate: certificate } : {}) } }, offered),
  };
}

describe('our NTLMv2 client, judged by GSSAPI (gss-ntlmssp)', () => {
  const alice = () => ntlmAuth({ username: 'CONTOSO\\alice', password: PASSWORD });

  it('is accepted, and the connection stays authenticated', async () => {
    const t = httpTransport({ url: plainUrl, allowHttp: true, auth: alice() });
    const first = await call(t);
    const second = await call(t);
    t.close();
    expect(first.user).toBe('CONTOSO\\alice');
    expect(second.connection).toBe(first.connection);
    expect(second.request).toBe(first.request + 1); // no new handshake
  });

  it('a wrong password is refused', async () => {
    const t = httpTransport({ url: plainUrl, allowHttp: true, auth: ntlmAuth({ username: 'CONTOSO\\alice', password: 'wrong' }) });
    await expect(call(t)).rejects.toThrow(EwsAuthError);
    t.close();
  });

  it('a MIC changed by one bit is refused (so the MIC we send is checked, and right)', async () => {
    const t = httpTransport({ url: plainUrl, allowHttp: true, auth: tampered(alice(), (m) => (m[80]! ^= 1)) });
    await expect(call(t)).rejects.toThrow(EwsAuthError);
    t.close();
  });

  it('over TLS with Extended Protection Require: accepted with our channel binding', async () => {
    const t = httpTransport({ url: tlsUrl, ca: tls.cert, auth: alice() });
    expect((await call(t)).user).toBe('CONTOSO\\alice');
    t.close();
  });

  it('refused without channel binding, and with the binding of another certificate', async () => {
    const other = new Uint8Array(new X509Certificate(selfSignedCert().cert).raw);
    for (const auth of [withCertificate(alice(), undefined), withCertificate(alice(), other)]) {
      const t = httpTransport({ url: tlsUrl, ca: tls.cert, auth });
      await expect(call(t)).rejects.toThrow(EwsAuthError);
      t.close();
    }
  });
});
