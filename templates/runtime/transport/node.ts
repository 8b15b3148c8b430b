// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
/*
 * The part of Node's built-in modules the HTTP transport and NTLM use, typed here: the SDK
 * compiles without @types/node and without a DOM lib, so a vendoring project needs nothing
 * installed. The modules are reached through `process.getBuiltinModule` (Node 20.16+) when a
 * Node transport is first made, never at import time, so that the rest of the SDK loads in
 * browsers, Deno and Bun.
 */

/** A Node Buffer, as far as we use it (it is a Uint8Array). */
export interface NodeBuffer extends Uint8Array {
  toString(encoding?: 'utf8' | 'latin1' | 'base64'): string;
}

export interface NodeBufferModule {
  Buffer: {
    from(data: string, encoding?: 'utf8' | 'latin1' | 'base64' | 'utf16le'): NodeBuffer;
    from(data: Uint8Array): NodeBuffer;
    concat(chunks: readonly Uint8Array[], length?: number): NodeBuffer;
    alloc(size: number): NodeBuffer;
    byteLength(text: string, encoding?: 'utf8'): number;
  };
}

export interface NodeEmitter {
  on(event: string, listener: (...args: never[]) => void): this;
  once(event: string, listener: (...args: never[]) => void): this;
  removeListener(event: string, listener: (...args: never[]) => void): this;
}

export interface NodeSocket extends NodeEmitter {
  readonly connecting?: boolean;
  readonly remoteAddress?: string;
  /** TLS sockets only. */
  getPeerCertificate?(detailed?: boolean): { raw?: NodeBuffer } | null;
  destroy(error?: Error): void;
  setTimeout?(ms: number, callback?: () => void): void;
}

export interface NodeIncomingMessage extends NodeEmitter {
  readonly statusCode?: number;
  readonly statusMessage?: string;
  /** Every header as an array of its values, never joined (Node 18.3+). */
  readonly headersDistinct: Record<string, string[] | undefined>;
  readonly socket: NodeSocket;
  readonly complete: boolean;
  destroy(error?: Error): void;
  pipe<T extends NodeTransform>(destination: T): T;
  [Symbol.asyncIterator](): AsyncIterator<NodeBuffer>;
}

/** A zlib decompressor as a stream: written to by `pipe`, read by iterating. */
export interface NodeTransform extends NodeEmitter {
  destroy(error?: Error): void;
  [Symbol.asyncIterator](): AsyncIterator<NodeBuffer>;
}

export interface NodeClientRequest extends NodeEmitter {
  setHeader(name: string, value: string | number): void;
  /** False when the socket's buffer is full: wait for 'drain' before the next write. */
  write(chunk: Uint8Array): boolean;
  /** True once destroyed (by us, or its socket closed): nothing more can be written. */
  readonly destroyed: boolean;
  end(body?: Uint8Array | string): void;
  destroy(error?: Error): void;
  readonly reusedSocket?: boolean;
}

export interface NodeAgent {
  destroy(): void;
}

export interface NodeRequestOptions {
  method: string;
  protocol: string;
  hostname: string;
  port: number;
  path: string;
  headers: Record<string, string>;
  agent: NodeAgent;
  /** https only */
  ca?: string | Uint8Array | readonly (string | Uint8Array)[];
  rejectUnauthorized?: boolean;
  servername?: string;
}

export interface NodeHttpModule {
  request(options: NodeRequestOptions, callback: (res: NodeIncomingMessage) => void): NodeClientRequest;
  get(
    url: string,
    callback: (res: NodeIncomingMessage & { resume(): void }) => void,
  ): NodeClientRequest & { setTimeout(ms: number, callback: () => void): void };
  Agent: new (options: {
    keepAlive: boolean;
    maxSockets: number;
    maxFreeSockets?: number;
    timeout?: number;
  }) => NodeAgent;
}

export interface NodeZlibModule {
  createGunzip(): NodeTransform;
  createInflate(): NodeTransform;
  gunzip(
    data: Uint8Array,
    options: { maxOutputLength: number },
    cb: (error: Error | null, out: NodeBuffer) => void,
  ): void;
  inflate(
    data: Uint8Array,
    options: { maxOutputLength: number },
    cb: (error: Error | null, out: NodeBuffer) => void,
  ): void;
  inflateRaw(
    data: Uint8Array,
    options: { maxOutputLength: number },
    cb: (error: Error | null, out: NodeBuffer) => void,
  ): void;
}

export interface NodeHash {
  update(data: Uint8Array | string): NodeHash;
  digest(): NodeBuffer;
}

export interface NodeCryptoModule {
  createHash(algorithm: string): NodeHash;
  createHmac(algorithm: string, key: Uint8Array): NodeHash;
  randomBytes(size: number): NodeBuffer;
  randomUUID(): string;
}

export interface NodeDnsModule {
  promises: { resolveSrv(name: string): Promise<{ name: string; port: number; priority: number; weight: number }[]> };
}

interface Modules {
  'node:dns': NodeDnsModule;
  'node:buffer': NodeBufferModule;
  'node:http': NodeHttpModule;
  'node:https': NodeHttpModule;
  'node:zlib': NodeZlibModule;
  'node:crypto': NodeCryptoModule;
}

interface NodeProcess {
  getBuiltinModule?<K extends keyof Modules>(id: K): Modules[K];
}

/** A Node built-in module; a clear error where there is no Node (a browser, or Node before 20.16). */
export function nodeModule<K extends keyof Modules>(id: K): Modules[K] {
  const process = (globalThis as { process?: NodeProcess }).process;
  if (!process?.getBuiltinModule) {
    throw new Error(
      `ews runtime: ${id} is not available here (the Node transport needs Node 20.16 or later; use fetchTransport elsewhere)`,
    );
  }
  return process.getBuiltinModule(id);
}
