import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every entry under `root` (files, folders, links) with a SHA-256 of its bytes, size and mtime: two
 * equal trees mean nothing was written, created, removed or touched.
 */
export function hashTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = relative(root, path);
      const st = lstatSync(path);
      if (st.isSymbolicLink()) out.set(rel, `link ${readlinkSync(path)}`);
      else if (st.isDirectory()) {
        out.set(rel, `dir ${st.mtimeMs}`);
        walk(path);
      } else {
        const sha = createHash('sha256').update(readFileSync(path)).digest('hex');
        out.set(rel, `file ${st.size} ${st.mtimeMs} ${sha}`);
      }
    }
  };
  walk(root);
  return out;
}

/** The entries that differ between two trees, for a readable assertion message. */
export function treeDiff(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names]
    .filter((n) => before.get(n) !== after.get(n))
    .map((n) => `${n}: ${before.get(n) ?? '(none)'} → ${after.get(n) ?? '(none)'}`)
    .sort();
}

/**
 * Every entry under `root` by its metadata only: size, inode, and modification and change times. Any
 * write, truncation, rename, creation or removal changes one of them (the change time cannot be set
 * back by a program), so two equal fingerprints mean nothing was written — without reading the files,
 * which keeps a check repeated hundreds of times cheap.
 */
export function fingerprintTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const st = lstatSync(path, { bigint: true });
      out.set(relative(root, path), `${st.mode} ${st.ino} ${st.size} ${st.mtimeNs} ${st.ctimeNs}`);
      if (st.isDirectory()) walk(path);
    }
  };
  walk(root);
  return out;
}
