import { describe, expect, it } from 'vitest';
import { md4 } from '../../../generated/runtime/auth/md4.js';
import {
  Av,
  authenticateMessage,
  fileTime,
  negotiateMessage,
  ntHash,
  ntlmv2Response,
  ntowfv2,
  readAuthenticate,
  readAvPairs,
  readChallenge,
  utf16le,
  writeAvPairs,
} from '../../../generated/runtime/auth/ntlm-messages.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const bytes = (h: string) => new Uint8Array(Buffer.from(h.replace(/\s+/g, ''), 'hex'));

/** [MS-NLMP] §4.2.1 common values and §4.2.4 NTLMv2 results. */
const USER = 'User';
const DOMAIN = 'Domain';
const SERVER_CHALLENGE = bytes('0123456789abcdef');
const CLIENT_CHALLENGE = bytes('aaaaaaaaaaaaaaaa');
const TARGET_INFO = writeAvPairs([
  { id: Av.NbDomainName, value: utf16le('Domain') },
  { id: Av.NbComputerName, value: utf16le('Server') },
]);

describe('MD4 (RFC 1320 §A.5 test suite)', () => {
  it.each([
    ['', '31d6cfe0d16ae931b73c59d7e0c089c0'],
    ['a', 'bde52cb31de33e46245e05fbdbd6fb24'],
    ['abc', 'a448017aaf21d8525fc10ae87aa6729d'],
    ['message digest', 'd9130a8164549fe818874806e1c7014b'],
    ['abcdefghijklmnopqrstuvwxyz', 'd79e1c308aa5bbcdeea8ed63df412da9'],
    ['12345678901234567890123456789012345678901234567890123456789012345678901234567890', 'e33b4ddc9c38f2199c3e7b164fcc0536'],
  ])('md4(%j)', (input, digest) => {
    expect(hex(md4(new TextEncoder().encode(input)))).toBe(digest);
  });
});

describe('NTLMv2 against [MS-NLMP] §4.2.4', () => {
  it('NTOWFv1 (the NT hash) of "Password" (§4.2.2.1.2)', () => {
    expect(hex(ntHash('Password'))).toBe('a4f49c406510bdcab6824ee7c30fd852');
  });

  it('NTOWFv2 (§4.2.4.1.1)', () => {
    expect(hex(ntowfv2(ntHash('Password'), USER, DOMAIN))).toBe('0c868a403bfd7a93a3001ef22ef02e3f');
  });

  it('NTProofStr and the session base key (§4.2.4.1.2, §4.2.4.2.2)', () => {
    const key = ntowfv2(ntHash('Password'), USER, DOMAIN);
    const r = ntlmv2Response(key, SERVER_CHALLENGE, CLIENT_CHALLENGE, new Uint8Array(8), TARGET_INFO);
    expect(hex(r.ntProofStr)).toBe('68cd0ab851e51c96aabc927bebef6a1c');
    expect(hex(r.sessionBaseKey)).toBe('8de40ccadbc14a82f15cb0ad0de95ca3');
    // The response is NTProofStr followed by the temp blob: version 1.1, time, client challenge, target info.
    expect(hex(r.ntResponse.slice(16, 40))).toBe('0101000000000000' + '0000000000000000' + 'aaaaaaaaaaaaaaaa');
  });

  it('the user name is case-insensitive, the domain is not', () => {
    const h = ntHash('Password');
    expect(hex(ntowfv2(h, 'USER', DOMAIN))).toBe(hex(ntowfv2(h, 'user', DOMAIN)));
    expect(hex(ntowfv2(h, 'User', 'DOMAIN'))).not.toBe(hex(ntowfv2(h, 'User', 'Domain')));
  });
});

describe('NTLM messages', () => {
  const challenge = (targetInfo: Uint8Array, flags = 0xe28a8235) => {
    const out = new Uint8Array(56 + targetInfo.length);
    const view = new DataView(out.buffer);
    out.set(new TextEncoder().encode('NTLMSSP\0'));
    view.setUint32(8, 2, true);
    view.setUint32(20, flags, true);
    out.set(SERVER_CHALLENGE, 24);
    view.setUint16(40, targetInfo.length, true);
    view.setUint16(42, targetInfo.length, true);
    view.setUint32(44, 56, true);
    out.set(targetInfo, 56);
    return out;
  };

  it('NEGOTIATE asks for NTLM with extended session security and target info, never LM or OEM', () => {
    const flags = new DataView(negotiateMessage().buffer).getUint32(12, true);
    expect(flags & 0x00080000).toBeTruthy(); // EXTENDED_SESSIONSECURITY
    expect(flags & 0x00800000).toBeTruthy(); // TARGET_INFO
    expect(flags & 0x00000080).toBe(0); // LM_KEY
    expect(flags & 0x00000002).toBe(0); // OEM
  });

  it('AUTHENTICATE carries the MIC flag, the channel bindings and the SPN, and a Z(24) LM response', () => {
    const timestamp = fileTime(Date.UTC(2026, 0, 1));
    const info = writeAvPairs([...readAvPairs(TARGET_INFO), { id: Av.Timestamp, value: timestamp }]);
    const negotiate = negotiateMessage();
    const cb = bytes('00112233445566778899aabbccddeeff');
    const message = authenticateMessage({
      user: USER,
      domain: DOMAIN,
      workstation: 'COMPUTER',
      hash: ntHash('Password'),
      negotiate,
      challenge: challenge(info),
      clientChallenge: CLIENT_CHALLENGE,
      now: fileTime(0),
      channelBindings: cb,
      targetName: 'HTTP/mail.contoso.com',
    });
    const read = readAuthenticate(message);
    expect([read.user, read.domain, read.workstation]).toEqual([USER, DOMAIN, 'COMPUTER']);
    expect(hex(read.lmResponse)).toBe('00'.repeat(24));
    const blob = read.ntResponse.slice(16);
    expect(hex(blob.slice(8, 16))).toBe(hex(timestamp)); // the server's timestamp, not ours
    const pairs = readAvPairs(blob.slice(28));
    expect(new DataView(pairs.find((p) => p.id === Av.Flags)!.value.buffer).getUint32(0, true) & 2).toBe(2);
    expect(hex(pairs.find((p) => p.id === Av.ChannelBindings)!.value)).toBe(hex(cb));
    expect(Buffer.from(pairs.find((p) => p.id === Av.TargetName)!.value).toString('utf16le')).toBe('HTTP/mail.contoso.com');
    expect(hex(read.mic)).not.toBe('00'.repeat(16));
  });

  it('refuses a challenge without target info (a server that asks for NTLMv1)', () => {
    expect(() =>
      authenticateMessage({
        user: USER, domain: DOMAIN, workstation: '', hash: ntHash('x'), negotiate: negotiateMessage(),
        challenge: challenge(new Uint8Array(0), 0x00000201), clientChallenge: CLIENT_CHALLENGE, now: fileTime(0),
      }),
    ).toThrow(/NTLMv1, which we refuse/);
  });

  it('reads its own CHALLENGE layout back', () => {
    const c = readChallenge(challenge(TARGET_INFO));
    expect(hex(c.serverChallenge)).toBe(hex(SERVER_CHALLENGE));
    expect(readAvPairs(c.targetInfo).map((p) => p.id)).toEqual([Av.NbDomainName, Av.NbComputerName]);
  });
});
