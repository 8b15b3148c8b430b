import { startStandIn } from './server.js';

export interface ServeOptions {
  host: string;
  port: number;
  responses?: string;
}

/**
 * `ews-codegen serve`: the stand-in on loopback until interrupted. With EWS_CODEGEN_USERNAME and
 * EWS_CODEGEN_PASSWORD in the environment it asks for them (Basic or NTLM); otherwise it asks
 * for nothing. Prints one line, `listening on URL`, then one line per request.
 */
export async function serve(options: ServeOptions): Promise<number> {
  const user = process.env.EWS_CODEGEN_USERNAME || undefined;
  const password = process.env.EWS_CODEGEN_PASSWORD || undefined;
  const users = user !== undefined && password !== undefined ? [{ username: user, password }] : undefined;
  let standIn;
  try {
    standIn = await startStandIn({
      host: options.host,
      port: options.port,
      ...(options.responses ? { responses: options.responses } : {}),
      ...(users ? { auth: { basic: users, ntlm: users.map((u) => ({ ...u, username: u.username.includes('\\') ? u.username : `CONTOSO\\${u.username}` })) } } : {}),
    });
  } catch (e) {
    process.stderr.write(`ews-codegen: cannot listen on ${options.host}:${options.port}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 1;
  }
  process.stdout.write(`listening on ${standIn.url}\n`);
  let logged = 0;
  const timer = setInterval(() => {
    for (let r = standIn.requests[logged]; r && r.status; r = standIn.requests[++logged]) {
      process.stdout.write(`${r.n} ${r.operation ?? r.path} ${r.status}${r.user ? ` ${r.user}` : ''}${r.fault ? ` (${r.fault})` : ''}\n`);
    }
    // A server that runs for days keeps no record of what it has logged.
    standIn.requests.splice(0, logged);
    logged = 0;
  }, 100);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  clearInterval(timer);
  await standIn.close();
  return 0;
}
