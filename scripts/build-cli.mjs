// Bundles the CLI into one CommonJS file so `node out/cli/index.js` starts fast (no TypeScript at run time).
// Small pure-JS dependencies (zod, fflate) are bundled in: resolving and loading zod's hundred files costs
// more than parsing them inside the bundle. The big libraries stay external and load only in the commands
// that use them (documents, import); @resvg/resvg-js is native and electron is never loaded by the CLI.
import { build } from 'esbuild';

export const CLI_EXTERNAL = ['@resvg/resvg-js', 'docx', 'exceljs', 'echarts', 'electron'];

export async function buildCli(root = process.cwd()) {
  await build({
    absWorkingDir: root,
    // The import worker thread gets its own file beside index.js (src/main/services/import/form-reader-pool.ts).
    entryPoints: { index: 'src/cli/index.ts', 'import-worker': 'src/main/services/import/import-worker.ts' },
    outdir: 'out/cli',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: CLI_EXTERNAL,
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
