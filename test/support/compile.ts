import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { NO_CHECK, withoutNoCheck } from '../../generator/emit/helpers/no-check.js';

/** Compiles a folder of generated modules under `strict`, without skipLibCheck; returns the diagnostics. */
export function compileStrict(dir: string): string[] {
  const project = new Project({
    compilerOptions: {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ES2022,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      noUnusedLocals: true,
      types: [],
    },
    skipAddingFilesFromTsConfig: true,
  });
  // The code and data modules and the runtime tell a user's build not to check them
  // (`// @ts-nocheck`): here they are checked like every other module.
  for (const file of project.addSourceFilesAtPaths(join(dir, '**/*.ts'))) {
    const text = file.getFullText();
    if (text.includes(NO_CHECK)) file.replaceWithText(withoutNoCheck(text));
  }
  return project.getPreEmitDiagnostics().map((d) => `${d.getSourceFile()?.getBaseName()}:${d.getLineNumber()}: ${ts.flattenDiagnosticMessageText(d.getMessageText() as string, '\n')}`);
}
