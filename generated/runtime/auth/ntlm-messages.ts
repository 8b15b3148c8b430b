// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.
/*
 * The three NTLM messages of [MS-NLMP] and the NTLMv2 computations, as bytes. NTLMv2 only: no
 * LM or NTLMv1 response, no DES. The AUTHENTICATE message carries a MIC and, over TLS, the
 * channel binding hash of the server certificate (MsvAvChannelBindings), so that servers with
 * Extended Protection set to Require accept it. MD5 and HMAC-MD5 come from node:crypto; MD4,
 * which OpenSSL 3 no longer offers, from md4.ts.
 */
import { nodeModule } from '../transport/node.js';
import { concat } from '../xml-bytes.js';
import { md4 } from './md4.js';

export const NTLMSSP_SIGNATURE = [0x4e, 0x54, 0x4c, 0x4d, 0x53, 0x53, 0x50, 0x00]; // "NTLMSSP\0"

/** NegotiateFlags bits ([MS-NLMP] 2.2.2.5) that we set or read. */
export const Flags = {
  UNICODE: 0x00000001,
  OEM: 0x00000002,
  REQUEST_TARGET: 0x00000004,
  NTLM: 0x00000200,
  ALWAYS_SIGN: 0x00008000,
  EXTENDED_SESSIONSECURITY: 0x00080000,
  TARGET_INFO: 0x00800000,
  VERSION: 0x02000000,
  N128: 0x20000000,
  KEY_EXCH: 0x40000000,
  N56: 0x80000000,
} as const;

/** AV_PAIR ids ([MS-NLMP] 2.2.2.1). */
export const Av = {
  EOL: 0,
  NbComputerName: 1,
  NbDomainName: 2,
  DnsComputerName: 3,
  DnsDomainName: 4,
  DnsTreeName: 5,
  Flags: 6,
  Timestamp: 7,
  SingleHost: 8,
  TargetName: 9,
  ChannelBindings: 10,
} as const;

/** MsvAvFlags bit: the AUTHENTICATE message carries a MIC. */
export const AV_FLAG_MIC = 0x2;

// Computed in a call marked pure: a bundler cannot tell that reading Flags' properties has no
// side effects, and kept this module in every bundle of the SDK, NTLM or not.
const CLIENT_FLAGS = /* @__PURE__ */ (() =>
  Flags.UNICODE |
  Flags.REQUEST_TARGET |
  Flags.NTLM |
  Flags.ALWAYS_SIGN |
  Flags.EXTENDED_SESSIONSECURITY |
  Flags.TARGET_INFO |
  Flags.VERSION |
  Flags.N128 |
  Flags.N56)();

/** Version structure: 10.0 build 0, NTLM revision 15 (informational only). */
const VERSION = [10, 0, 0, 0, 0, 0, 0, 15];

export function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i * 2] = c & 0xff;
    out[i * 2 + 1] = c >>> 8;
  }
  return out;
}

export function fromUtf16le(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes[i]! | (bytes[i + 1]! << 8));
  return s;
}

export function hmacMd5(key: Uint8Array, ...data: Uint8Array[]): Uint8Array {
  const h = nodeModule('node:crypto').createHmac('md5', key);
  for (const d of data) h.update(d);
  return new Uint8Array(h.digest());
}

export function md5(data: Uint8Array): Uint8Array {
  return new Uint8Array(nodeModule('node:crypto').createHash('md5').update(data).digest());
}

/** The NT hash, MD4(UTF-16LE(password)): all NTLMv2 needs of the password. */
export function ntHash(password: string): Uint8Array {
  return md4(utf16le(password));
}

/** NTOWFv2: HMAC-MD5(NT hash, UTF-16LE(UPPERCASE(user) + domain)). */
export function ntowfv2(hash: Uint8Array, user: string, domain: string): Uint8Array {
  return hmacMd5(hash, utf16le(user.toUpperCase() + domain));
}

export interface AvPair {
  id: number;
  value: Uint8Array;
}

export function readAvPairs(bytes: Uint8Array): AvPair[] {
  const pairs: AvPair[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at + 4 <= bytes.length;) {
    const id = view.getUint16(at, true);
    const len = view.getUint16(at + 2, true);
    if (id === Av.EOL) break;
    if (at + 4 + len > bytes.length) throw new Error('NTLM: target info runs past its end');
    pairs.push({ id, value: bytes.slice(at + 4, at + 4 + len) });
    at += 4 + len;
  }
  return pairs;
}

export function writeAvPairs(pairs: readonly AvPair[]): Uint8Array {
  const out = new Uint8Array(pairs.reduce((n, p) => n + 4 + p.value.length, 4));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const p of pairs) {
    view.setUint16(at, p.id, true);
    view.setUint16(at + 2, p.value.length, true);
    out.set(p.value, at + 4);
    at += 4 + p.value.length;
  }
  return out; // ends with MsvAvEOL (four zero bytes)
}

/** The NEGOTIATE message (type 1): our flags, no domain or workstation, the version. */
export function negotiateMessage(): Uint8Array {
  const out = new Uint8Array(40);
  const view = new DataView(out.buffer);
  out.set(NTLMSSP_SIGNATURE);
  view.setUint32(8, 1, true);
  view.setUint32(12, CLIENT_FLAGS, true);
  // DomainNameFields and WorkstationFields stay empty (offset 40, length 0).
  view.setUint32(20, 40, true);
  view.setUint32(28, 40, true);
  out.set(VERSION, 32);
  return out;
}

export interface ChallengeMessage {
  flags: number;
  serverChallenge: Uint8Array;
  targetName: string;
  targetInfo: Uint8Array;
}

function checkSignature(bytes: Uint8Array, type: number): DataView {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 32 || NTLMSSP_SIGNATURE.some((b, i) => bytes[i] !== b) || view.getUint32(8, true) !== type) {
    throw new Error(`NTLM: not an NTLMSSP type ${type} message`);
  }
  return view;
}

function field(bytes: Uint8Array, view: DataView, at: number): Uint8Array {
  const len = view.getUint16(at, true);
  const offset = view.getUint32(at + 4, true);
  if (offset + len > bytes.length) throw new Error('NTLM: a field runs past the end of the message');
  return bytes.slice(offset, offset + len);
}

/** Reads the CHALLENGE message (type 2) a server sends in `WWW-Authenticate: NTLM …`. */
export function readChallenge(bytes: Uint8Array): ChallengeMessage {
  const view = checkSignature(bytes, 2);
  const flags = view.getUint32(20, true);
  const targetInfo = bytes.length >= 48 && flags & Flags.TARGET_INFO ? field(bytes, view, 40) : new Uint8Array(0);
  return { flags, serverChallenge: bytes.slice(24, 32), targetName: fromUtf16le(field(bytes, view, 12)), targetInfo };
}

/** The gss_channel_bindings_struct of RFC 2744 with only application data, hashed with MD5 ([MS-NLMP] 3.1.5.1.2). */
export function channelBindingHash(applicationData: Uint8Array): Uint8Array {
  const struct = new Uint8Array(20 + applicationData.length);
  new DataView(struct.buffer).setUint32(16, applicationData.length, true);
  struct.set(applicationData, 20);
  return md5(struct);
}

export interface AuthenticateInput {
  user: string;
  domain: string;
  workstation: string;
  /** The NT hash of the password. */
  hash: Uint8Array;
  negotiate: Uint8Array;
  challenge: Uint8Array;
  clientChallenge: Uint8Array;
  /** Windows FILETIME (100 ns since 1601) as 8 bytes; the server's MsvAvTimestamp wins. */
  now: Uint8Array;
  /** MD5 of the channel bindings (tls-server-end-point), or undefined when not over TLS. */
  channelBindings?: Uint8Array;
  /** The service principal name, `HTTP/host`. */
  targetName?: string;
}

/** The NTLMv2 response and keys ([MS-NLMP] 3.3.2). */
export function ntlmv2Response(
  responseKeyNT: Uint8Array,
  serverChallenge: Uint8Array,
  clientChallenge: Uint8Array,
  time: Uint8Array,
  targetInfo: Uint8Array,
): { ntResponse: Uint8Array; ntProofStr: Uint8Array; sessionBaseKey: Uint8Array } {
  const temp = concat(
    new Uint8Array([1, 1, 0, 0, 0, 0, 0, 0]),
    time,
    clientChallenge,
    new Uint8Array(4),
    targetInfo,
    new Uint8Array(4),
  );
  const ntProofStr = hmacMd5(responseKeyNT, serverChallenge, temp);
  return { ntResponse: concat(ntProofStr, temp), ntProofStr, sessionBaseKey: hmacMd5(responseKeyNT, ntProofStr) };
}

/** The AUTHENTICATE message (type 3), MIC included. */
export function authenticateMessage(input: AuthenticateInput): Uint8Array {
  const challenge = readChallenge(input.challenge);
  if (!(challenge.flags & Flags.TARGET_INFO) || !challenge.targetInfo.length) {
    throw new Error('NTLM: the server offers no target info, which NTLMv2 needs (it asks for NTLMv1, which we refuse)');
  }
  const pairs = readAvPairs(challenge.targetInfo).filter(
    (p) => p.id !== Av.Flags && p.id !== Av.ChannelBindings && p.id !== Av.TargetName,
  );
  const serverFlags = readAvPairs(challenge.targetInfo).find((p) => p.id === Av.Flags);
  const avFlags = (serverFlags ? new DataView(serverFlags.value.buffer).getUint32(0, true) : 0) | AV_FLAG_MIC;
  const flagBytes = new Uint8Array(4);
  new DataView(flagBytes.buffer).setUint32(0, avFlags, true);
  pairs.push({ id: Av.Flags, value: flagBytes });
  pairs.push({ id: Av.ChannelBindings, value: input.channelBindings ?? new Uint8Array(16) });
  if (input.targetName !== undefined) pairs.push({ id: Av.TargetName, value: utf16le(input.targetName) });
  const timestamp = pairs.find((p) => p.id === Av.Timestamp)?.value ?? input.now;

  const responseKeyNT = ntowfv2(input.hash, input.user, input.domain);
  const { ntResponse, sessionBaseKey } = ntlmv2Response(
    responseKeyNT,
    challenge.serverChallenge,
    input.clientChallenge,
    timestamp,
    writeAvPairs(pairs),
  );
  // With a server timestamp the LM response is Z(24) ([MS-NLMP] 3.1.5.1.2): no LMv2 at all.
  const lmResponse = new Uint8Array(24);
  const flags = CLIENT_FLAGS & challenge.flags;
  const payload = [
    lmResponse,
    ntResponse,
    utf16le(input.domain),
    utf16le(input.user),
    utf16le(input.workstation),
    new Uint8Array(0),
  ];
  const headerLength = 88;
  const out = new Uint8Array(headerLength + payload.reduce((n, p) => n + p.length, 0));
  const view = new DataView(out.buffer);
  out.set(NTLMSSP_SIGNATURE);
  view.setUint32(8, 3, true);
  let offset = headerLength;
  payload.forEach((p, i) => {
    const at = 12 + i * 8;
    view.setUint16(at, p.length, true);
    view.setUint16(at + 2, p.length, true);
    view.setUint32(at + 4, offset, true);
    out.set(p, offset);
    offset += p.length;
  });
  view.setUint32(60, flags, true);
  out.set(VERSION, 64);
  // Without KEY_EXCH the exported session key is the session base key ([MS-NLMP] 3.1.5.1.2).
  out.set(hmacMd5(sessionBaseKey, input.negotiate, input.challenge, out), 72);
  return out;
}

/** What an acceptor reads from an AUTHENTICATE message. */
export interface AuthenticateMessage {
  flags: number;
  lmResponse: Uint8Array;
  ntResponse: Uint8Array;
  domain: string;
  user: string;
  workstation: string;
  encryptedSessionKey: Uint8Array;
  mic: Uint8Array;
}

export function readAuthenticate(bytes: Uint8Array): AuthenticateMessage {
  const view = checkSignature(bytes, 3);
  if (bytes.length < 88) throw new Error('NTLM: AUTHENTICATE message too short');
  const flags = view.getUint32(60, true);
  const text = (b: Uint8Array) => (flags & Flags.UNICODE ? fromUtf16le(b) : String.fromCharCode(...b));
  return {
    flags,
    lmResponse: field(bytes, view, 12),
    ntResponse: field(bytes, view, 20),
    domain: text(field(bytes, view, 28)),
    user: text(field(bytes, view, 36)),
    workstation: text(field(bytes, view, 44)),
    encryptedSessionKey: field(bytes, view, 52),
    mic: bytes.slice(72, 88),
  };
}

/** Windows FILETIME of `ms` since the Unix epoch, as 8 little-endian bytes. */
export function fileTime(ms: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, (BigInt(Math.floor(ms)) + 11644473600000n) * 10000n, true);
  return out;
}
