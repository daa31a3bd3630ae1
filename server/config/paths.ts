import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, whatever the working directory of the process. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function projectPath(...segments: string[]): string {
  return resolve(PROJECT_ROOT, ...segments);
}
