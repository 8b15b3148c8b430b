import { authFromEnv, UsageError } from './call.js';
import { describeDiscovery, discover } from './discover.js';

/** `ews-codegen discover EMAIL`: the EWS URL on stdout; exit 1 with one line on stderr otherwise. */
export async function discoverCommand(
  email: string,
  options: { approve: readonly string[]; allowHttp: boolean; auth?: string; endpoint?: string; ca?: string },
): Promise<number> {
  try {
    const auth = authFromEnv(options.auth);
    const found = await discover(email, {
      approve: options.approve,
      allowHttp: options.allowHttp,
      ...(auth ? { auth } : {}),
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.ca ? { ca: options.ca } : {}),
    });
    process.stdout.write(describeDiscovery(found));
    return 0;
  } catch (e) {
    process.stderr.write(`ews-codegen: ${e instanceof UsageError ? '' : 'discover: '}${(e as Error).message}\n`);
    return 1;
  }
}
