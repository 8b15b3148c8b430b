import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SchemaError, type SourcePos } from '../errors.js';

/** Environment variables that hold credentials for `--schemas https://…`; never read from argv. */
export const CREDENTIAL_ENV = {
  user: 'EWS_CODEGEN_USERNAME',
  password: 'EWS_CODEGEN_PASSWORD',
  token: 'EWS_CODEGEN_BEARER_TOKEN',
} as const;

export interface LoadOptions {
  /** Allow plain `http://` locations (credentials then cross the network in clear). */
  allowHttp?: boolean;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

/**
 * Fetches schema documents from files or HTTP(S), and names them for positions: a document's
 * `file` is its location relative to the root document's folder (`types.xsd`), so that nothing
 * absolute ever reaches the model or the output.
 */
export class SchemaLoader {
  readonly root: URL;
  private readonly base: URL;

  constructor(
    location: string,
    private readonly options: LoadOptions = {},
  ) {
    this.root = /^[a-z][a-z0-9+.-]+:\/\//i.test(location) ? new URL(location) : pathToFileURL(resolve(location));
    this.base = new URL('.', this.root);
    if (this.root.protocol === 'http:' && !options.allowHttp) {
      throw new SchemaError(
        `refusing plain http:// (${this.root.host}); use https://, or pass --allow-http if you accept that`,
        { file: this.root.href, line: 0, column: 0 },
      );
    }
    if (!['file:', 'http:', 'https:'].includes(this.root.protocol)) {
      throw new SchemaError(`unsupported location scheme ${this.root.protocol}`, { file: location, line: 0, column: 0 });
    }
  }

  /** A location relative to another document (an import's schemaLocation). */
  resolve(relativeTo: URL, location: string): URL {
    return new URL(location, relativeTo);
  }

  /** The name positions use for a document: relative to the root's folder. */
  nameOf(url: URL): string {
    if (url.protocol === 'file:' && this.base.protocol === 'file:') {
      return relative(fileURLToPath(this.base), fileURLToPath(url)).split(sep).join('/');
    }
    if (url.href.startsWith(this.base.href)) return url.href.slice(this.base.href.length);
    return url.href;
  }

  /** How errors show a document: the path as the user would open it, or the URL. */
  display(file: string): string {
    const url = new URL(file, this.base);
    if (url.protocol !== 'file:') return url.href;
    const path = fileURLToPath(url);
    const rel = relative(process.cwd(), path);
    return rel.startsWith('..' + sep + '..' + sep + '..') ? path : rel;
  }

  async load(url: URL, from: SourcePos): Promise<string> {
    if (url.protocol === 'file:') {
      try {
        // Read at once rather than through libuv's threads: a document is read only to be parsed
        // right after, and the round trips of an asynchronous read (open, stat, read, close) left
        // the process waiting ~25 ms over the 30 documents of generate --versions.
        return readFileSync(fileURLToPath(url), 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder' : String(code ?? e);
        throw new SchemaError(`cannot read ${this.nameOf(url)}: ${why}`, from);
      }
    }
    return this.fetch(url, from);
  }

  private async fetch(url: URL, from: SourcePos): Promise<string> {
    if (url.protocol === 'http:' && !this.options.allowHttp) {
      throw new SchemaError(`refusing plain http:// for ${url.href}; pass --allow-http to accept it`, from);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new SchemaError(`cannot load ${url.href}: only ${this.root.protocol} locations may follow ${this.root.protocol}`, from);
    }
    const headers: Record<string, string> = { accept: 'text/xml, application/xml, */*' };
    const env = this.options.env ?? process.env;
    const token = env[CREDENTIAL_ENV.token];
    const user = env[CREDENTIAL_ENV.user];
    // Credentials go only to the origin the user named, never to another host an import points at.
    if (url.origin === this.root.origin) {
      if (token) headers.authorization = `Bearer ${token}`;
      else if (user) headers.authorization = `Basic ${Buffer.from(`${user}:${env[CREDENTIAL_ENV.password] ?? ''}`).toString('base64')}`;
    }
    let current = url;
    for (let hop = 0; hop < 5; hop++) {
      let res: Response;
      try {
        res = await fetch(current, { headers, redirect: 'manual', signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000) });
      } catch (e) {
        const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
        throw new SchemaError(`cannot fetch ${current.href}: ${cause}`, from);
      }
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        const next = new URL(res.headers.get('location') as string, current);
        if (next.origin !== this.root.origin) {
          throw new SchemaError(`${current.href} redirects to another origin (${next.origin}); refusing to follow`, from);
        }
        current = next;
        continue;
      }
      if (!res.ok) throw new SchemaError(`cannot fetch ${current.href}: HTTP ${res.status} ${res.statusText}`, from);
      return await res.text();
    }
    throw new SchemaError(`too many redirects fetching ${url.href}`, from);
  }
}

/** `--schemas DIR` means DIR/services.wsdl; a file or URL is taken as the root document. */
export async function rootLocation(location: string): Promise<string> {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(location)) return location;
  const { stat } = await import('node:fs/promises');
  try {
    if ((await stat(location)).isDirectory()) return resolve(location, 'services.wsdl');
  } catch {
    // Not there: the loader reports it with the path.
  }
  return location;
}

