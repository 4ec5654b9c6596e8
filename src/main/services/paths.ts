import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Finds the folder that holds templates/ by walking up from a start folder: works from src/ under
 * tsx, from out/ after a build, and from the packaged app's resources folder.
 */
export function findAppRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'templates', 'regions'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`templates/ not found above ${start}`);
    dir = parent;
  }
}
