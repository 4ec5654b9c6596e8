// A child process for the lock test: opens a workspace for writing and holds it until killed.
import { join } from 'node:path';
import { TemplatesService } from '../../src/main/services/systems/templates-service';
import { Workspace } from '../../src/main/services/storage/workspace';

const [dir, projectRoot, user] = process.argv.slice(2);

async function main(): Promise<void> {
  const templates = new TemplatesService(join(projectRoot!, 'templates'));
  const ws = await Workspace.open(dir!, {
    userName: user!,
    app: 'desktop',
    now: () => new Date(),
    registries: await templates.registries(),
  });
  process.stdout.write(ws.readOnly ? 'READONLY\n' : 'READY\n');
  setInterval(() => {}, 1000);
}

void main();
