import { createHash } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { RecentWorkspace, WorkspaceInfo } from '../../../shared/api-types';
import { AppError } from '../../../shared/errors';
import type { TemplatesService } from '../systems/templates-service';
import { createSampleWorkspace } from '../sample/sample-workspace';
import { readTextLimited, writeFileAtomic } from './atomic-file';
import { Workspace, type WorkspaceContext } from './workspace';

const RecentListSchema = z.array(
  z.object({ key: z.string(), dir: z.string(), name: z.string(), openedAt: z.string(), sample: z.boolean() }),
);
const MAX_RECENT = 10;

export function recentKey(dir: string): string {
  return createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 16);
}

/** A folder name from a workspace name: no characters Windows forbids, not too long. */
export function folderNameFor(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\x00-\x1f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60);
  return cleaned.replace(/[. ]+$/, '') || '工作区';
}

export interface SessionOptions {
  /** Per-user app data (recent list, the sample workspace). */
  appDataDir: string;
  /** Default parent of new workspaces: the user's documents folder. */
  documentsDir: string;
  userName: string;
  app: WorkspaceContext['app'];
  templates: TemplatesService;
  now?: () => Date;
}

/** The workspace the app currently has open, and the list of recent ones. */
export class WorkspaceSession {
  private current: Workspace | null = null;

  constructor(private readonly options: SessionOptions) {}

  private async ctx(): Promise<WorkspaceContext> {
    const options = this.options;
    return {
      // Read when used: the clerk may give a name in 设置 while a workspace is open.
      get userName() {
        return options.userName;
      },
      app: this.options.app,
      now: this.options.now ?? (() => new Date()),
      registries: await this.options.templates.registries(),
    };
  }

  get defaultParentDir(): string {
    return this.options.documentsDir;
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  require(): Workspace {
    if (!this.current) throw new AppError('NOT_FOUND', '还没有打开工作区。请在“工作区”页打开或新建一个工作区。');
    return this.current;
  }

  async open(dir: string): Promise<WorkspaceInfo> {
    const workspace = await Workspace.open(dir, await this.ctx());
    await this.replaceCurrent(workspace);
    return workspace.info();
  }

  /**
   * Reopens the current workspace taking over the write lock the clerk confirmed. A lock that changed
   * since (someone else took it, or its holder left) is not taken: the answer says so, still read-only.
   */
  async takeOver(lockId: string): Promise<WorkspaceInfo> {
    const current = this.require();
    if (!current.readOnly) return current.info();
    const workspace = await Workspace.open(current.dir, await this.ctx(), { takeOverLockId: lockId });
    await this.replaceCurrent(workspace);
    return workspace.info();
  }

  /** A new, empty folder under the documents folder for a workspace of this name. */
  async newFolderFor(name: string): Promise<string> {
    const base = join(this.options.documentsDir, folderNameFor(name));
    for (let n = 1; n < 100; n++) {
      const candidate = n === 1 ? base : `${base}（${n}）`;
      const entries = await readdir(candidate).catch(() => null);
      if (!entries || entries.length === 0) return candidate;
    }
    throw new AppError('CONFLICT', `“${base}”已存在同名文件夹，请换一个工作区名称。`);
  }

  async openRecent(key: string): Promise<WorkspaceInfo> {
    const entry = (await this.recent()).find((r) => r.key === key);
    if (!entry) throw new AppError('NOT_FOUND', '最近列表中没有这个工作区，请重新选择。');
    return this.open(entry.dir);
  }

  async create(dir: string, init: { name: string; city: string; systemIds: string[] }): Promise<WorkspaceInfo> {
    const systems = await Promise.all(init.systemIds.map((id) => this.options.templates.get(id)));
    const foreign = systems.find((s) => s.city !== init.city);
    if (foreign)
      throw new AppError('BAD_INPUT', `指标体系“${foreign.title}”属于${foreign.city}，不能用于${init.city}的工作区。`);
    const workspace = await Workspace.create(dir, { name: init.name, city: init.city, systems }, await this.ctx());
    await this.replaceCurrent(workspace);
    return workspace.info();
  }

  /** Opens the sample workspace (示例数据), creating it in the app data folder the first time. */
  async openSample(seed = 20230930): Promise<WorkspaceInfo> {
    const dir = join(this.options.appDataDir, '示例工作区');
    const exists = (await readTextLimited(join(dir, 'workspace.json'), 4 * 1024 * 1024).catch(() => null)) !== null;
    if (!exists) {
      await mkdir(this.options.appDataDir, { recursive: true });
      const ws = await createSampleWorkspace({
        dir,
        seed,
        systems: await this.options.templates.all(),
        registries: await this.options.templates.registries(),
        userName: this.options.userName,
      });
      await ws.close();
    }
    return this.open(dir);
  }

  private async replaceCurrent(workspace: Workspace): Promise<void> {
    if (this.current && this.current !== workspace) await this.current.close();
    this.current = workspace;
    const info = await workspace.info();
    const recent = (await this.recent()).filter((r) => resolve(r.dir) !== resolve(info.dir));
    recent.unshift({
      key: recentKey(info.dir),
      dir: info.dir,
      name: info.name,
      openedAt: (this.options.now ?? (() => new Date()))().toISOString(),
      sample: info.sample,
    });
    await writeFileAtomic(
      join(this.options.appDataDir, 'recent.json'),
      JSON.stringify(recent.slice(0, MAX_RECENT), null, 2),
    );
  }

  async recent(): Promise<RecentWorkspace[]> {
    const text = await readTextLimited(join(this.options.appDataDir, 'recent.json'), 1024 * 1024).catch(() => null);
    if (!text) return [];
    try {
      const parsed = RecentListSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  async close(): Promise<void> {
    await this.current?.close();
    this.current = null;
  }
}
