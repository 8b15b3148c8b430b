// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
/*
 * NTLMv2 over HTTP ([MS-NTHT]): NEGOTIATE → 401 with the CHALLENGE → AUTHENTICATE on the same
 * connection, which then stays authenticated. The handshake is redone whenever the transport
 * reports a new socket. Only the NT hash is kept, never the password.
 */
import { nodeModule } from '../transport/node.js';
import { parseUrl } from '../transport/url.js';
import type { AuthContext, Authenticator } from './authenticator.js';
import { fromBase64, toBase64 } from './authenticator.js';
import { concat } from '../xml-bytes.js';
import { authenticateMessage, channelBindingHash, fileTime, negotiateMessage, ntHash } from './ntlm-messages.js';

export interface NtlmCredentials {
  /** `DOMAIN\user`, `user@domain.example` (a UPN, sent as the user name with an empty domain), or `user` with `domain`. */
  username: string;
  password: string;
  domain?: string;
  /** Sent as the workstation name (default: none). */
  workstation?: string;
}

interface NtlmState {
  socketId: number;
  phase: 'negotiated' | 'authenticating' | 'done';
  negotiate: Uint8Array;
}

/** Splits `DOMAIN\user`; a UPN keeps its `@domain` in the user name, as Windows sends it. */
export function splitUser(username: string, domain?: string): { user: string; domain: string } {
  const slash = username.indexOf('\\');
  if (slash >= 0) return { domain: username.slice(0, slash), user: username.slice(slash + 1) };
  return { user: username, domain: domain ?? '' };
}

/** NTLMv2 with MIC and, over https, channel binding (Extended Protection). */
export function ntlmAuth(credentials: NtlmCredentials): Authenticator {
  const { user, domain } = splitUser(credentials.username, credentials.domain);
  const workstation = credentials.workstation ?? '';
  const hash = ntHash(credentials.password);
  const stateOf = (ctx: AuthContext) => ctx.connection.state.ntlm as NtlmState | undefined;
  // Servers that offer only Negotiate (SPNEGO) take a raw NTLM token under that name, as Windows
  // clients send it; learned from the first 401 that offers Negotiate and not NTLM.
  let wireScheme: 'NTLM' | 'Negotiate' = 'NTLM';
  return {
    scheme: 'NTLM',
    connectionScoped: true,
    async authorize(ctx) {
      const state = stateOf(ctx);
      // An authenticated connection needs no header; a 401 on it (round > 0) starts over.
      if (state?.phase === 'done' && state.socketId === ctx.connection.socketId && ctx.round === 0) return undefined;
      const negotiate = negotiateMessage();
      ctx.connection.state.ntlm = {
        socketId: ctx.connection.socketId,
        phase: 'negotiated',
        negotiate,
      } satisfies NtlmState;
      return `${wireScheme} ${toBase64(negotiate)}`;
    },
    async challenge(ctx, offered) {
      const state = stateOf(ctx);
      const token = offered.map((o) => /^(?:NTLM|Negotiate)\s+(\S+)/i.exec(o.trim())?.[1]).find(Boolean);
      const bare = (name: string) => offered.some((o) => o.trim().toLowerCase() === name);
      if (!token && state?.phase === 'negotiated' && wireScheme === 'NTLM' && bare('negotiate') && !bare('ntlm')) {
        wireScheme = 'Negotiate';
        return this.authorize({ ...ctx, round: 0 });
      }
      if (state?.phase === 'authenticating' && state.socketId !== ctx.connection.socketId && ctx.round <= 2) {
        // The AUTHENTICATE went out on a new socket (the server closed the one it challenged): start over.
        return this.authorize({ ...ctx, round: 0 });
      }
      if (!state || state.phase !== 'negotiated' || !token) return undefined;
      // The challenge is bound to the socket it came on; the AUTHENTICATE must follow on it.
      state.socketId = ctx.connection.socketId;
      const cert = ctx.connection.peerCertificate;
      const crypto = nodeModule('node:crypto');
      const message = authenticateMessage({
        user,
        domain,
        workstation,
        hash,
        negotiate: state.negotiate,
        challenge: fromBase64(token),
        clientChallenge: new Uint8Array(crypto.randomBytes(8)),
        now: fileTime(Date.now()),
        ...(cert ? { channelBindings: tlsChannelBindings(cert) } : {}),
        targetName: `HTTP/${parseUrl(ctx.url)?.hostname ?? ''}`,
      });
      state.phase = 'authenticating';
      return `${wireScheme} ${toBase64(message)}`;
    },
    accepted(ctx) {
      const state = stateOf(ctx);
      if (state?.phase === 'authenticating' && state.socketId === ctx.connection.socketId) state.phase = 'done';
    },
    opening: (ctx) => stateOf(ctx)?.phase === 'negotiated',
  };
}

/** The MD5 of the `tls-server-end-point` channel bindings of a certificate (RFC 5929). */
export function tlsChannelBindings(certificate: Uint8Array): Uint8Array {
  const digest = nodeModule('node:crypto').createHash(certificateHash(certificate)).update(certificate).digest();
  const label = Uint8Array.from('tls-server-end-point:', (c) => c.charCodeAt(0));
  return channelBindingHash(concat(label, new Uint8Array(digest)));
}

/**
 * The hash RFC 5929 picks for a certificate: that of its signature algorithm, SHA-256 where
 * the algorithm uses MD5 or SHA-1, and where it names no hash of its own (RSASSA-PSS, EdDSA).
 */
export function certificateHash(der: Uint8Array): 'sha256' | 'sha384' | 'sha512' {
  // Certificate ::= SEQUENCE { tbsCertificate SEQUENCE, signatureAlgorithm SEQUENCE { OID, … }, … }
  const outer = tlv(der, 0);
  const tbs = tlv(der, outer.start);
  const algorithm = tlv(der, tbs.end);
  const oid = tlv(der, algorithm.start);
  const hex = Array.from(der.subarray(oid.start, oid.end), (b) => b.toString(16).padStart(2, '0')).join('');
  const hashes: Record<string, 'sha384' | 'sha512'> = {
    '2a864886f70d01010c': 'sha384', // sha384WithRSAEncryption
    '2a864886f70d01010d': 'sha512', // sha512WithRSAEncryption
    '2a8648ce3d040303': 'sha384', // ecdsa-with-SHA384
    '2a8648ce3d040304': 'sha512', // ecdsa-with-SHA512
  };
  return hashes[hex] ?? 'sha256';
}

function tlv(der: Uint8Array, at: number): { start: number; end: number } {
  let len = der[at + 1];
  let start = at + 2;
  if (len === undefined) throw new Error('NTLM: the server certificate is not DER');
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + der[start + i]!;
    start += n;
  }
  if (start + len > der.length) throw new Error('NTLM: the server certificate is not DER');
  return { start, end: start + len };
}
