/*
 * The stand-in's NTLM acceptor: it issues CHALLENGE messages and verifies AUTHENTICATE ones
 * the way a Windows server does for NTLMv2 — the NTProofStr against the user's NT hash, the
 * MIC when the client says it sent one, and the channel bindings under Extended Protection.
 * It shares the message layout with the SDK's client (ntlm-messages.ts); it is judged by
 * independent clients (curl --ntlm, python3-requests-ntlm), and our client by GSSAPI.
 */
import { randomBytes } from 'node:crypto';
import {
  Av,
  AV_FLAG_MIC,
  fileTime,
  Flags,
  hmacMd5,
  ntHash,
  ntowfv2,
  NTLMSSP_SIGNATURE,
  readAuthenticate,
  readAvPairs,
  utf16le,
  writeAvPairs,
} from '../../generated/runtime/auth/ntlm-messages.js';
import { splitUser } from '../../generated/runtime/auth/ntlm.js';

export type ExtendedProtection = 'off' | 'allow' | 'require';

export interface NtlmUser {
  /** `DOMAIN\user`. */
  username: string;
  password: string;
}

export interface NtlmHandshake {
  negotiate: Uint8Array;
  challenge: Uint8Array;
  serverChallenge: Uint8Array;
}

const SERVER_FLAGS =
  Flags.UNICODE | Flags.REQUEST_TARGET | Flags.NTLM | Flags.ALWAYS_SIGN | Flags.EXTENDED_SESSIONSECURITY | Flags.TARGET_INFO | Flags.VERSION | Flags.N128 | Flags.KEY_EXCH | Flags.N56;

/** RC4, for the session key a client sends under NEGOTIATE_KEY_EXCH (OpenSSL 3 has no RC4 either). */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

/** What an accepted AUTHENTICATE message proved besides the password. */
export interface NtlmProof {
  /** It carried a MIC, and the MIC matched. */
  mic: boolean;
  /** It carried channel bindings (which matched, unless Extended Protection is off). */
  channelBound: boolean;
  /** The session key came by key exchange (RC4-wrapped). */
  keyExchange: boolean;
}

export type NtlmVerdict = { user: string; proof: NtlmProof } | { refused: string };

export class NtlmAcceptor {
  private readonly hashes = new Map<string, Uint8Array>();

  constructor(
    users: readonly NtlmUser[],
    readonly extendedProtection: ExtendedProtection = 'off',
    private readonly domain = 'CONTOSO',
    private readonly computer = 'EXCH01',
  ) {
    for (const u of users) {
      const { user, domain } = splitUser(u.username);
      this.hashes.set(`${domain.toUpperCase()}\\${user.toUpperCase()}`, ntHash(u.password));
    }
  }

  /** The CHALLENGE for a NEGOTIATE message. */
  challenge(negotiate: Uint8Array): NtlmHandshake {
    if (NTLMSSP_SIGNATURE.some((b, i) => negotiate[i] !== b) || negotiate[8] !== 1) throw new Error('not an NTLM NEGOTIATE message');
    const serverChallenge = new Uint8Array(randomBytes(8));
    const targetName = utf16le(this.domain);
    const info = writeAvPairs([
      { id: Av.NbDomainName, value: utf16le(this.domain) },
      { id: Av.NbComputerName, value: utf16le(this.computer) },
      { id: Av.DnsDomainName, value: utf16le(`${this.domain.toLowerCase()}.example`) },
      { id: Av.DnsComputerName, value: utf16le(`${this.computer.toLowerCase()}.${this.domain.toLowerCase()}.example`) },
      { id: Av.Timestamp, value: fileTime(Date.now()) },
    ]);
    const out = new Uint8Array(56 + targetName.length + info.length);
    const view = new DataView(out.buffer);
    out.set(NTLMSSP_SIGNATURE);
    view.setUint32(8, 2, true);
    view.setUint16(12, targetName.length, true);
    view.setUint16(14, targetName.length, true);
    view.setUint32(16, 56, true);
    view.setUint32(20, SERVER_FLAGS, true);
    out.set(serverChallenge, 24);
    view.setUint16(40, info.length, true);
    view.setUint16(42, info.length, true);
    view.setUint32(44, 56 + targetName.length, true);
    out.set([10, 0, 0x63, 0x45, 0, 0, 0, 15], 48);
    out.set(targetName, 56);
    out.set(info, 56 + targetName.length);
    return { negotiate, challenge: out, serverChallenge };
  }

  /**
   * Verifies an AUTHENTICATE message: the user (`DOMAIN\user`) when it proves the password,
   * or the reason it does not.
   */
  authenticate(handshake: NtlmHandshake, message: Uint8Array, channelBindings: Uint8Array | undefined): NtlmVerdict {
    let auth;
    try {
      auth = readAuthenticate(message);
    } catch (e) {
      return { refused: (e as Error).message };
    }
    if (auth.ntResponse.length <= 24) return { refused: 'an NTLMv1 response (only NTLMv2 is accepted)' };
    const hash = this.hashes.get(`${auth.domain.toUpperCase()}\\${auth.user.toUpperCase()}`);
    if (!hash) return { refused: `no such user ${auth.domain}\\${auth.user}` };
    const key = ntowfv2(hash, auth.user, auth.domain);
    const proof = auth.ntResponse.slice(0, 16);
    const temp = auth.ntResponse.slice(16);
    const expected = hmacMd5(key, handshake.serverChallenge, temp);
    if (!equal(expected, proof)) return { refused: 'wrong password' };
    const pairs = readAvPairs(temp.slice(28));
    const avFlags = pairs.find((p) => p.id === Av.Flags);
    const flags = avFlags ? new DataView(avFlags.value.buffer, avFlags.value.byteOffset).getUint32(0, true) : 0;
    if (flags & AV_FLAG_MIC) {
      const base = hmacMd5(key, proof); // the session base key ([MS-NLMP] 3.3.2)
      const exported = auth.flags & Flags.KEY_EXCH ? rc4(base, auth.encryptedSessionKey) : base;
      const zeroed = message.slice();
      zeroed.fill(0, 72, 88);
      if (!equal(hmacMd5(exported, handshake.negotiate, handshake.challenge, zeroed), auth.mic)) return { refused: 'the MIC does not match' };
    }
    const sent = pairs.find((p) => p.id === Av.ChannelBindings)?.value;
    const bound = sent !== undefined && sent.some((b) => b !== 0);
    if (this.extendedProtection === 'require' && !bound) return { refused: 'no channel binding (Extended Protection is Require)' };
    if (this.extendedProtection !== 'off' && bound && (!channelBindings || !equal(sent!, channelBindings))) {
      return { refused: 'the channel binding does not match this TLS channel' };
    }
    return { user: `${auth.domain}\\${auth.user}`, proof: { mic: !!(flags & AV_FLAG_MIC), channelBound: bound, keyExchange: !!(auth.flags & Flags.KEY_EXCH) } };
  }
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
