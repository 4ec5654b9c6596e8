/**
 * One hostile file previewed in a fresh process (so its memory is its own): prints the time of the
 * preview, the outcome, and the process's peak RSS (main thread and import worker together).
 */
import { readFileSync } from 'node:fs';
import { previewImport } from '../src/main/services/import';
import { stopFormReader } from '../src/main/services/import/form-reader-pool';
import { Workspace } from '../src/main/services/storage/workspace';
import { TemplatesService } from '../src/main/services/systems/templates-service';

async function main(): Promise<void> {
  const [dir, file, name, templatesDir] = process.argv.slice(2);
  const templates = new TemplatesService(templatesDir!);
  const ws = await Workspace.open(
    dir!,
    { userName: 'bench', app: 'cli', now: () => new Date(), registries: await templates.registries() },
    { readOnly: true },
  );
  const bytes = readFileSync(file!);
  // Warm: the worker started and its code loaded by one genuine form, as in an app that has imported before.
  const [genuine] = process.argv.slice(6);
  const coldStart = performance.now();
  await previewImport(ws, [{ name: 'warm.xlsx', bytes: readFileSync(genuine!) }]);
  const coldMs = performance.now() - coldStart;
  const baseRssMb = process.memoryUsage.rss() / 1048576;
  const start = performance.now();
  const p = await previewImport(ws, [{ name: name!, bytes }]);
  const ms = performance.now() - start;
  await stopFormReader();
  const report = p.files[0]!;
  process.stdout.write(
    JSON.stringify({
      ms,
      coldMs,
      status: report.status,
      message: report.message ?? '',
      baseRssMb,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }) + '\n',
  );
}

void main();
