import { readFile } from 'node:fs/promises';
import { discoverEws, type DiscoveryResult } from '../generated/autodiscover/discover.js';
import type { Authenticator } from '../generated/runtime/index.js';

export interface DiscoverCliOptions {
  auth?: Authenticator;
  /** Hosts a redirect may lead to (credentials go there): `--approve a.example,b.example`. */
  approve: readonly string[];
  endpoint?: string;
  allowHttp: boolean;
  ca?: string;
}

/** Discovery for the CLI; throws EwsDiscoveryError (its message names the last step). */
export async function discover(email: string, options: DiscoverCliOptions): Promise<DiscoveryResult> {
  const ca = options.ca ? await readFile(options.ca, 'utf8') : undefined;
  return discoverEws(email, {
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    approveHost: (host) => options.approve.includes(host),
    transportOptions: { allowHttp: options.allowHttp, ...(ca ? { ca } : {}) },
  });
}

/**
 * `ews-codegen discover EMAIL`: prints the EWS URL on the first line, then what else
 * Autodiscover said (the settings, the server version, the steps), `name: value` a line.
 */
export function describeDiscovery(r: DiscoveryResult): string {
  const lines = [r.ewsUrl, `email: ${r.email}`, `autodiscover: ${r.autodiscoverUrl}`];
  if (r.serverVersion?.Version) lines.push(`server version: ${r.serverVersion.Version}`);
  for (const [name, value] of Object.entries(r.settings).sort()) lines.push(`${name}: ${value}`);
  return lines.join('\n') + '\n';
}
