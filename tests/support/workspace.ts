import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TemplatesService } from '../../src/main/services/systems/templates-service';
import { Workspace, type OpenOptions, type WorkspaceContext } from '../../src/main/services/storage/workspace';
import { PROJECT_ROOT } from './project';

export const templates = new TemplatesService(join(PROJECT_ROOT, 'templates'));

export function tempDir(prefix = 'zjb-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A clock the test moves by hand. */
export function fixedClock(start = '2023-10-08T09:00:00+08:00') {
  let now = new Date(start);
  return {
    now: () => now,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

export async function context(userName = '测试员', now: () => Date = () => new Date()): Promise<WorkspaceContext> {
  return { userName, app: 'cli', now, registries: await templates.registries() };
}

export const REGIONAL = 'hz-mfg-cluster-regional-2023';

/** A fresh 湖州 workspace with the regional decomposition system. */
export async function newWorkspace(
  options: { user?: string; now?: () => Date; open?: OpenOptions } = {},
): Promise<{ dir: string; ws: Workspace }> {
  const dir = join(tempDir(), 'ws');
  const ctx = await context(options.user, options.now);
  const created = await Workspace.create(
    dir,
    { name: '测试专班', city: '湖州', systems: [await templates.get(REGIONAL)] },
    ctx,
  );
  if (!options.open) return { dir, ws: created };
  await created.close();
  return { dir, ws: await Workspace.open(dir, ctx, options.open) };
}

/**
 * Leaves a workspace as an app killed mid-session would, but without its lock: journals stay
 * uncompacted, nothing is flushed. (A crashed app's lock would be taken over; releasing it keeps tests short.)
 */
export async function abandon(ws: Workspace): Promise<void> {
  await (ws as unknown as { lock: { release(): Promise<void> } | null }).lock?.release();
}

export const growth = (
  region: string,
  value: number | string | null,
  indicatorId = 'industrial-value-added-growth',
) => ({
  systemId: REGIONAL,
  indicatorId,
  region,
  value,
});
