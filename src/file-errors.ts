import {dirname} from 'node:path';

/**
 * A file that could not be opened, said the way a person reads it ("no such file: x.jsonl")
 * rather than as the system's error code.
 */
export function fileProblem(file: string, error: unknown, mode: 'read' | 'write' = 'read'): string {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return mode === 'read' ? `no such file: ${file}` : `cannot write ${file}: no such directory ${dirname(file)}`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied: ${file}`;
    case 'EISDIR':
      return `${file} is a directory, not a file`;
    default:
      return `cannot ${mode} ${file}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
