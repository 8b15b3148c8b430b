/** Where a declaration or a fault sits in the schema sources. `file` is relative to the root document's folder. */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
}

/**
 * The one error type of the generator: a message tied to a place in the schema sources.
 * The CLI prints it as `file:line:col: message`, never with a stack trace.
 */
export class SchemaError extends Error {
  /** How to show `at.file` (relative to the schema folder it came from), when known. */
  where?: (file: string) => string;

  constructor(
    message: string,
    readonly at: SourcePos,
  ) {
    super(message);
    this.name = 'SchemaError';
  }

  /** `file:line:col: message`, with `file` shown as `where` presents it (e.g. joined to the schema folder). */
  format(where: (file: string) => string = this.where ?? ((f) => f)): string {
    return `${where(this.at.file)}:${this.at.line}:${this.at.column}: ${this.message}`;
  }
}

export function formatPos(at: SourcePos): string {
  return `${at.file}:${at.line}:${at.column}`;
}
