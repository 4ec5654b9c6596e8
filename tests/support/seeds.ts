import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The seed documents live outside the project (../shared/seeds); a newcomer's clone has none. */
export const SEEDS_DIR = resolve(__dirname, '../../../shared/seeds');
export const seedsAvailable = existsSync(join(SEEDS_DIR, 'README.md'));

if (!seedsAvailable) {
  console.warn(`[seeds] ${SEEDS_DIR} not found: tests that compare with the seed documents are skipped.`);
}

const cache = new Map<string, string[]>();

/** Lines of a seed file, 1-based: seedLines(f)[n] is line n. */
export function seedLines(file: string): string[] {
  let lines = cache.get(file);
  if (!lines) {
    lines = ['', ...readFileSync(join(SEEDS_DIR, file), 'utf8').split('\n')];
    cache.set(file, lines);
  }
  return lines;
}

/** Full-width digits and punctuation to ASCII, so "１２．５" reads as 12.5. */
export function normalizeWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Every number printed on a line ("6.50", "1,200", "30%"), as values. */
export function numbersOnLine(line: string): number[] {
  const tokens =
    normalizeWidth(line)
      .replace(/(\d),(\d{3})/g, '$1$2')
      .match(/\d+(?:\.\d+)?/g) ?? [];
  return tokens.map(Number);
}

/** The referenced lines joined with spacing and cell separators removed, for finding verbatim text. */
export function compactText(lines: string[]): string {
  return normalizeWidth(lines.join('')).replace(/[\s|]/g, '');
}
