// Bundles the CLI into one CommonJS file so `node out/cli/index.js` starts fast (no TypeScript at run time).
import { build } from 'esbuild';

// The import worker thread gets its own file beside index.js (src/main/services/import/form-reader-pool.ts).
await build({
  entryPoints: { index: 'src/cli/index.ts', 'import-worker': 'src/main/services/import/import-worker.ts' },
  outdir: 'out/cli',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
