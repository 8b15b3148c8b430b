import { join } from 'node:path';
import { Project, ts } from 'ts-morph';

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
  project.addSourceFilesAtPaths(join(dir, '**/*.ts'));
  return project.getPreEmitDiagnostics().map((d) => `${d.getSourceFile()?.getBaseName()}:${d.getLineNumber()}: ${ts.flattenDiagnosticMessageText(d.getMessageText() as string, '\n')}`);
}
