import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from './project';
import { tempDir } from './workspace';

/** Bundles a TypeScript file of tests/support into one .js a child `node` can run quickly. */
export async function bundleScript(name: string): Promise<string> {
  const out = join(tempDir('zjb-child-'), `${name}.js`);
  await build({
    entryPoints: [join(PROJECT_ROOT, 'tests/support', `${name}.ts`)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'error',
  });
  return out;
}

/** Starts a bundled script and resolves with the child once it prints `marker`. */
export function startUntil(
  script: string,
  args: string[],
  markers: string[],
): Promise<{ child: ChildProcess; marker: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: join(PROJECT_ROOT, 'node_modules') },
    });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const marker = markers.find((m) => out.includes(m));
      if (marker) resolve({ child, marker });
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('exit', (code) => reject(new Error(`child exited ${code} before ${markers.join('/')}: ${err}`)));
  });
}
