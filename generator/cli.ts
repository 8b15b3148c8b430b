import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderChangelogs } from './diff/changelogs.js';
import type { OutputFile } from './emit/render.js';
import { SchemaError } from './errors.js';
import { openSchemas, runPipeline } from './pipeline.js';
import { staleFiles, writeOutput } from './emit/write.js';
import { CREDENTIAL_ENV } from './read/load.js';
import { CONFIG_FILE, DEFAULT_SCHEMAS, readConfig } from './config.js';
import { UnknownOperationError } from './model/passes/keep-operations.js';

const USAGE = `Usage: ews-codegen generate [--schemas DIR|FILE|URL] [--out DIR] [--operations A,B] [--schema-version V] [--check] [--allow-http]
       ews-codegen diff OLD NEW [--json] [--fail-on breaking]
       ews-codegen roundtrip FILE.xml [--lenient] [--accept-https-namespaces]
       ews-codegen call OPERATION --url URL|--autodiscover EMAIL [--body FILE.json|-] [--headers FILE.json]
                        [--auth basic|ntlm] [--impersonate SMTP] [--ca FILE.pem] [--timeout MS] [--allow-http]
       ews-codegen discover EMAIL [--approve HOST,HOST] [--autodiscover-url URL] [--auth basic|ntlm] [--ca FILE.pem]
       ews-codegen serve [--port N] [--host ADDR] [--responses DIR]

  --schemas   the folder holding services.wsdl, or a WSDL/XSD file, or an https:// URL such as
              https://mail.example.com/EWS/Services.wsdl  (default: ../shared/schemas/ews/v2017_07_11)
              generate also reads ${CONFIG_FILE} in the working folder: { "schemas", "out",
              "operations", "schemaVersion", "versions", "allowHttp" }, paths relative to it; options given here win
  --out       the output folder (default: generated)
  --operations  only these operations (of EWS or UM) and the types they reach
  --schema-version  the version the output names (default: the schemas' version attribute, else
              the highest ExchangeVersionType value)
  --versions  read the schema sets beside --schemas (a folder per version) and mark every
              operation, type, property and enumeration value @since / @removed the versions it is in
  --changelogs DIR  also write DIR/<old>-to-<new>.md, the changelog of each consecutive pair of
              the schema sets in the folder that holds --schemas (oldest first, by version)
  --check     write nothing; exit 1 and name the files that differ when the output is stale
  --allow-http  allow plain http:// URLs (credentials would travel in clear)

  diff        the API changelog between two schema sets (each as --schemas takes it): operations,
              types, children, attributes and values added, removed or changed, and whether each
              breaks code that sends or reads them; Markdown, or --json; --fail-on breaking exits 1
              when one does

  roundtrip   reads a SOAP envelope (or a bare EWS element) with the generated parsers, strict by
              default, and prints it serialized again; exit 1 with the element path if the schema
              rejects it
  call        sends one request (its body as JSON, in the generated types' shape) through the SDK's
              HTTP transport and prints the typed response body as JSON; exit 1 with one line
              (\`http 500: …\`, \`auth: …\`, \`throttled: …\`) on any failure
  discover    finds the mailbox's EWS URL by Autodiscover (SOAP, then POX, at its domain and autodiscover.DOMAIN,
              then the HTTP redirect, then SRV) and prints it first, then what else it learned; a redirect to
              another host is followed only to the hosts --approve names; exit 1 with one line naming the last
              step otherwise
  serve       a stand-in EWS server on loopback (default port 8080) that reads every request
              strictly; answers from DIR/<Operation>.xml

Credentials come from the environment, never the command line:
  ${CREDENTIAL_ENV.user} and ${CREDENTIAL_ENV.password} (Basic, or NTLM with --auth ntlm), or ${CREDENTIAL_ENV.token} (Bearer).
  For serve, the user name and password it asks for.`;

/** Runs the CLI; returns the exit code. Every expected failure is one line on stderr, never a stack. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        schemas: { type: 'string' },
        out: { type: 'string' },
        check: { type: 'boolean', default: false },
        operations: { type: 'string' },
        'schema-version': { type: 'string' },
        changelogs: { type: 'string' },
        versions: { type: 'boolean', default: false },
        'allow-http': { type: 'boolean' },
        lenient: { type: 'boolean', default: false },
        'accept-https-namespaces': { type: 'boolean', default: false },
        url: { type: 'string' },
        body: { type: 'string' },
        headers: { type: 'string' },
        auth: { type: 'string' },
        impersonate: { type: 'string' },
        ca: { type: 'string' },
        timeout: { type: 'string' },
        port: { type: 'string', default: '8080' },
        host: { type: 'string', default: '127.0.0.1' },
        responses: { type: 'string' },
        autodiscover: { type: 'string' },
        'autodiscover-url': { type: 'string' },
        approve: { type: 'string' },
        json: { type: 'boolean', default: false },
        'fail-on': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`ews-codegen: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (positionals[0] === 'diff' && positionals.length === 3) {
    if (values['fail-on'] !== undefined && values['fail-on'] !== 'breaking') {
      process.stderr.write(`ews-codegen: --fail-on takes "breaking", not ${values['fail-on']}\n`);
      return 2;
    }
    const { diffCommand } = await import('./diff/command.js');
    return diffCommand(positionals[1]!, positionals[2]!, {
      json: values.json,
      allowHttp: values['allow-http'] ?? false,
      ...(values['fail-on'] ? { failOn: 'breaking' as const } : {}),
    });
  }
  if (positionals[0] === 'roundtrip' && positionals.length === 2) {
    // Loaded only here: it runs the generated SDK, which generation itself must never need.
    const { roundtrip } = (await import(new URL('./roundtrip.js', import.meta.url).href)) as {
      roundtrip(file: string, options: { strict: boolean; acceptHttpsNamespaces: boolean }): Promise<number>;
    };
    return roundtrip(positionals[1]!, {
      strict: !values.lenient,
      acceptHttpsNamespaces: values['accept-https-namespaces'],
    });
  }
  // call and serve run the generated SDK, loaded only here (generation never needs it).
  const approve = (values.approve ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (positionals[0] === 'call' && positionals.length === 2) {
    if (!values.url === !values.autodiscover) {
      process.stderr.write(`ews-codegen: call needs --url or --autodiscover EMAIL\n${USAGE}\n`);
      return 2;
    }
    const timeoutMs = values.timeout !== undefined ? Number(values.timeout) : undefined;
    if (timeoutMs !== undefined && !(timeoutMs > 0)) {
      process.stderr.write(`ews-codegen: --timeout is a number of milliseconds, not ${values.timeout}\n`);
      return 2;
    }
    const { call } = (await import(new URL('./call.js', import.meta.url).href)) as {
      call(operation: string, options: Record<string, unknown>): Promise<number>;
    };
    return call(positionals[1]!, {
      ...(values.url !== undefined ? { url: values.url } : {}),
      ...(values.autodiscover !== undefined
        ? {
            autodiscover: {
              email: values.autodiscover,
              approve,
              ...(values['autodiscover-url'] !== undefined ? { endpoint: values['autodiscover-url'] } : {}),
            },
          }
        : {}),
      allowHttp: values['allow-http'] ?? false,
      ...(values.body !== undefined ? { body: values.body } : {}),
      ...(values.headers !== undefined ? { headers: values.headers } : {}),
      ...(values.auth !== undefined ? { auth: values.auth } : {}),
      ...(values.impersonate !== undefined ? { impersonate: values.impersonate } : {}),
      ...(values.ca !== undefined ? { ca: values.ca } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    });
  }
  if (positionals[0] === 'discover' && positionals.length === 2) {
    const { discoverCommand } = (await import(new URL('./discover-command.js', import.meta.url).href)) as {
      discoverCommand(email: string, options: Record<string, unknown>): Promise<number>;
    };
    return discoverCommand(positionals[1]!, {
      approve,
      allowHttp: values['allow-http'] ?? false,
      ...(values.auth !== undefined ? { auth: values.auth } : {}),
      ...(values['autodiscover-url'] !== undefined ? { endpoint: values['autodiscover-url'] } : {}),
      ...(values.ca !== undefined ? { ca: values.ca } : {}),
    });
  }
  if (positionals[0] === 'serve' && positionals.length === 1) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      process.stderr.write(`ews-codegen: --port is a port number, not ${values.port}\n`);
      return 2;
    }
    const { serve } = (await import(new URL('./stand-in/serve.js', import.meta.url).href)) as {
      serve(options: { host: string; port: number; responses?: string }): Promise<number>;
    };
    return serve({
      host: values.host,
      port,
      ...(values.responses !== undefined ? { responses: values.responses } : {}),
    });
  }
  if (positionals[0] !== 'generate' || positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  let display = (file: string) => file;
  let config;
  try {
    config = await readConfig(process.cwd());
  } catch (e) {
    process.stderr.write(`ews-codegen: ${(e as Error).message}\n`);
    return 1;
  }
  const schemas = values.schemas ?? config.schemas ?? DEFAULT_SCHEMAS;
  const out = values.out ?? config.out ?? 'generated';
  try {
    const loader = await openSchemas(schemas, { allowHttp: values['allow-http'] ?? config.allowHttp ?? false });
    display = (file) => loader.display(file);
    const operations =
      values.operations !== undefined
        ? values.operations
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean)
        : config.operations;
    const schemaVersion = values['schema-version'] ?? config.schemaVersion;
    if (schemaVersion !== undefined && !/^[A-Za-z0-9_.]+$/.test(schemaVersion)) {
      process.stderr.write(
        `ews-codegen: --schema-version "${schemaVersion}": letters, digits, _ and . only (like V2017_07_11)\n`,
      );
      return 1;
    }
    const versions = values.versions || (config.versions ?? false);
    if ((values.changelogs !== undefined || versions) && /^https?:/.test(schemas)) {
      process.stderr.write(
        'ews-codegen: --versions and --changelogs read the schema sets beside --schemas, which must then be a folder\n',
      );
      return 1;
    }
    // The published sets beside the one generated from: for @since/@removed and the changelogs.
    const publishedIn =
      values.changelogs !== undefined || versions ? { folder: dirname(resolve(schemas)), tag: versions } : undefined;
    const result = await runPipeline(loader, {
      ...(operations ? { operations } : {}),
      ...(schemaVersion !== undefined ? { schemaVersion } : {}),
      ...(publishedIn ? { publishedIn } : {}),
    });
    const { model, files } = result;
    const seconds = () => ((performance.now() - started) / 1000).toFixed(2);
    process.stderr.write(
      `ews-codegen: read ${result.set.files.length} files (${result.set.files.join(', ')}), ` +
        `resolved ${model.types.size} types, ${model.elements.size} elements, ${model.operations.length} operations; ` +
        result.services
          .slice(1)
          .map((s) => `${s.options.folder}: ${s.model.types.size} types, ${s.model.operations.length} operations`)
          .join('; ') +
        '\n',
    );
    // The changelogs of the schema sets beside the one generated from, when asked for.
    const outputs: [string, OutputFile[]][] = [[out, files]];
    if (values.changelogs !== undefined) outputs.push([values.changelogs, renderChangelogs(result.published!)]);
    if (values.check) {
      let stale = false;
      for (const [dir, list] of outputs) {
        const differs = await staleFiles(dir, list);
        if (differs.length)
          process.stderr.write(
            `ews-codegen: ${dir}/ is stale; run npm run generate. Differs:\n${differs.map((s) => `  ${s}\n`).join('')}`,
          );
        else process.stderr.write(`ews-codegen: ${dir}/ is up to date (${list.length} files, ${seconds()} s)\n`);
        stale ||= differs.length > 0;
      }
      return stale ? 1 : 0;
    }
    for (const [dir, list] of outputs) {
      await writeOutput(dir, list);
      process.stderr.write(`ews-codegen: wrote ${list.length} files to ${dir}/ in ${seconds()} s\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof UnknownOperationError) {
      process.stderr.write(`ews-codegen: ${e.message}\n`);
      return 1;
    }
    if (e instanceof SchemaError) {
      process.stderr.write(`${e.format(e.where ?? display)}\n`);
      return 1;
    }
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(`ews-codegen: ${err.code ? `${err.code}: ` : ''}${err.message}\n`);
    return 1;
  }
}
