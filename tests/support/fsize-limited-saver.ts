// A child process run under `ulimit -f` (a real write fault without root): tries one batch too big for
// the limit, then one that fits, and reports both outcomes and the journal's length after each.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TemplatesService } from '../../src/main/services/systems/templates-service';
import { Workspace } from '../../src/main/services/storage/workspace';
import { AppError } from '../../src/shared/errors';

const [dir, projectRoot, bigFile, smallFile] = process.argv.slice(2);
const journal = join(dir!, 'data', '2023', '2023-09.log');

async function main(): Promise<void> {
  const templates = new TemplatesService(join(projectRoot!, 'templates'));
  const ws = await Workspace.open(dir!, {
    userName: '限额',
    app: 'cli',
    now: () => new Date(),
    registries: await templates.registries(),
  });
  const sizeBefore = statSync(journal).size;
  let big: unknown;
  try {
    await ws.setFigures('2023-09', JSON.parse(readFileSync(bigFile!, 'utf8')), { kind: 'cli' });
    big = { ok: true };
  } catch (err) {
    big = err instanceof AppError ? { code: err.code, message: err.message } : { other: String(err) };
  }
  const sizeAfterBig = statSync(journal).size;
  const small = await ws.setFigures('2023-09', JSON.parse(readFileSync(smallFile!, 'utf8')), { kind: 'cli' });
  process.stdout.write(JSON.stringify({ sizeBefore, big, sizeAfterBig, small }) + '\n');
  // Exit as a crash would: no compaction (it would need more room than the limit leaves).
  process.exit(0);
}

void main().catch((err: unknown) => {
  process.stderr.write(String(err instanceof Error ? err.stack : err));
  process.exit(3);
});
