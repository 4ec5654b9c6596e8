import { randomUUID } from 'node:crypto';
import { lstat, mkdir, readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AuditItem, LockHolderInfo, WorkspaceInfo } from '../../../shared/api-types';
import type { FigureSpec } from '../../../shared/domain/figure-input';
import { AppError } from '../../../shared/errors';
import { newWorkspaceDocuments } from '../../../shared/report/document-defaults';
import type { AuditEvent, FigureOrigin } from '../../../shared/schemas/figures';
import type { Frequency, IndicatorSystem } from '../../../shared/schemas/indicator-system';
import { TOTAL_REGION, type RegionRegistry } from '../../../shared/schemas/region';
import {
  WORKSPACE_FORMAT_VERSION,
  WORKSPACE_MIGRATIONS,
  WorkspaceFileSchema,
  type WorkspaceFile,
  type WorkspaceFileInput,
} from '../../../shared/schemas/workspace';
import { zodErrorToChinese } from '../../../shared/zod-chinese';
import { summarize } from '../systems/templates-service';
import { loadSystemsDir } from '../systems/system-loader';
import { storedNamesOf, withCurrentRegionNames, withCurrentRegionNamesInSystem } from '../../../shared/systems/regions';
import { appendAudit, readAudit } from './audit-log';
import { describeOrigin, FigureStore, type StoreChange } from './figure-store';
import { migrate } from './migrations';
import { periodEntries } from './period-store';
import { createFormKey, FORM_KEY_FILE, readFormKey, type FormSigningKey } from './form-signing-key';
import { LinkRefusedError, WorkspaceFiles } from './workspace-files';
import { describeHolder, WorkspaceLock } from './workspace-lock';

export const WORKSPACE_FILE = 'workspace.json';
/** The province average is stored as a pseudo-region, entered like any other figure. */
export const PROVINCE_REGION = '全省';

export interface WorkspaceContext {
  userName: string;
  app: 'desktop' | 'cli' | 'http';
  now: () => Date;
  registries: RegionRegistry[];
}

export interface OpenOptions {
  /** Open for reading only: no lock is taken and not one byte is written, whoever else is writing. */
  readOnly?: boolean;
  /** Saves per period between snapshots (default 200). */
  compactAfterEntries?: number;
  /** Take over the write lock with this id (the clerk confirmed the takeover dialog). */
  takeOverLockId?: string;
}

/** Top-level entries of a workspace: a link at any of them is refused (docs/workspace-format.md). */
const WORKSPACE_ENTRIES = ['workspace.json', 'systems', 'data', 'history', 'audit', 'briefings', 'keys', 'exports'];

/** Links among the workspace's own entries, as problems to show; a linked workspace.json refuses the open. */
async function linkProblems(files: WorkspaceFiles): Promise<string[]> {
  const problems: string[] = [];
  for (const name of WORKSPACE_ENTRIES) {
    const info = await lstat(files.abs(name)).catch(() => null);
    if (!info?.isSymbolicLink()) continue;
    const err = new LinkRefusedError(name);
    if (name === WORKSPACE_FILE) throw err;
    problems.push(`${name}：${err.message}`);
  }
  for (const folder of ['systems', 'audit']) {
    for (const e of (await files.list(folder).catch(() => null)) ?? [])
      if (e.isLink) problems.push(`${folder}/${e.name}：${new LinkRefusedError(`${folder}/${e.name}`).message}`);
  }
  return problems;
}

/** Why a workspace with links opens read-only: every write could otherwise land outside it. */
function linkReason(problems: string[]): string {
  const names = problems.map((p) => p.slice(0, p.indexOf('：')));
  return `工作区中有符号链接（${names.join('、')}），可能指向工作区以外的位置。为防止读写工作区以外的文件，已以只读方式打开。请把它们换成真实的文件或文件夹（例如从备份复制回来）后重新打开。`;
}

export interface CreateWorkspaceInit {
  name: string;
  city: string;
  systems: IndicatorSystem[];
  regions?: string[];
  sample?: boolean;
  /** Fixed id (the sample workspace derives it from its seed); new workspaces get a random one. */
  id?: string;
  documents?: Partial<WorkspaceFileInput['documents']>;
  ranking?: WorkspaceFileInput['ranking'];
}

async function readWorkspaceFile(files: WorkspaceFiles): Promise<WorkspaceFile> {
  const dir = files.root;
  let text: string | null;
  try {
    text = await files.readText(WORKSPACE_FILE, 4 * 1024 * 1024);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('INVALID_FILE', `${dir} 中的 ${WORKSPACE_FILE} 过大或无法读取，不像是工作区文件。`);
  }
  if (text === null)
    throw new AppError('NOT_FOUND', `“${dir}”不是工作区（缺少 ${WORKSPACE_FILE}）。请选择工作区文件夹，或新建一个。`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError(
      'INVALID_FILE',
      `${WORKSPACE_FILE} 已损坏（不是有效的 JSON）。可从 history/workspace/ 中找回上一个版本。`,
      dir,
    );
  }
  const migrated = migrate(raw, WORKSPACE_FORMAT_VERSION, WORKSPACE_MIGRATIONS);
  if (!migrated.ok) throw new AppError('INVALID_FILE', `${WORKSPACE_FILE}：${migrated.message}`);
  const parsed = WorkspaceFileSchema.safeParse(migrated.doc);
  if (!parsed.success) {
    throw new AppError(
      'INVALID_FILE',
      `${WORKSPACE_FILE} 内容有误：${zodErrorToChinese(parsed.error, migrated.doc).slice(0, 3).join('；')}`,
      parsed.error.issues,
    );
  }
  return parsed.data;
}

/** An opened workspace folder: settings, its own copies of the systems, and the figures. */
export class Workspace {
  readonly figures: FigureStore;
  readonly files: WorkspaceFiles;
  private readonly systems = new Map<string, IndicatorSystem>();
  private closed = false;
  /** Where figures may be stored: the districts under their current and earlier names, 全市 and 全省. */
  private readonly allowedRegions = new Set<string>();

  private constructor(
    readonly dir: string,
    private file: WorkspaceFile,
    systems: IndicatorSystem[],
    private readonly problems: string[],
    private readonly lock: WorkspaceLock | null,
    private readonly readOnlyReason: string | undefined,
    private readonly ctx: WorkspaceContext,
    options: OpenOptions = {},
    private readonly lockHolder?: LockHolderInfo,
  ) {
    this.files = new WorkspaceFiles(dir);
    for (const s of systems) this.systems.set(s.id, s);
    this.syncRegions();
    this.figures = new FigureStore(
      {
        files: this.files,
        get user() {
          return ctx.userName;
        },
        now: ctx.now,
        spec: (s, i) => this.spec(s, i),
        regions: this.allowedRegions,
        storedNames: (region) => storedNamesOf(region, this.file.regionFormerNames),
        currentNames: (figures) => withCurrentRegionNames(figures, this.file.regionFormerNames),
        ...(options.compactAfterEntries ? { compactAfterEntries: options.compactAfterEntries } : {}),
        assertWritable: () => this.assertWritable(),
        onRepair: (period, message) => this.audit('period.recover', `${period}：${message}`, { period }),
      },
      () => this.readOnly,
    );
  }

  static async create(dirInput: string, init: CreateWorkspaceInit, ctx: WorkspaceContext): Promise<Workspace> {
    const dir = resolve(dirInput);
    const entries = await readdir(dir).catch(() => null);
    if (entries && entries.length > 0) {
      throw new AppError(
        'CONFLICT',
        `文件夹“${dir}”不是空的。请选择一个空文件夹或新文件夹来新建工作区，以免覆盖其中的文件。`,
      );
    }
    await mkdir(dir, { recursive: true });
    const files = new WorkspaceFiles(await realpath(dir));
    const registry = ctx.registries.find((r) => r.city === init.city);
    if (!registry) throw new AppError('BAD_INPUT', `没有城市“${init.city}”的区县清单。`);
    const regions = init.regions ?? registry.regions.filter((r) => !r.optional).map((r) => r.short);
    const file = WorkspaceFileSchema.parse({
      formatVersion: WORKSPACE_FORMAT_VERSION,
      id: init.id ?? randomUUID(),
      name: init.name,
      city: init.city,
      regions,
      systems: init.systems.map((s) => s.id),
      sample: init.sample ?? false,
      createdAt: ctx.now().toISOString(),
      documents: { ...newWorkspaceDocuments(init), ...init.documents },
      ...(init.ranking ? { ranking: init.ranking } : {}),
    });
    await mkdir(join(files.root, 'data'), { recursive: true });
    for (const s of init.systems) await files.writeAtomic(`systems/${s.id}.json`, JSON.stringify(s, null, 2) + '\n');
    await files.writeAtomic(WORKSPACE_FILE, JSON.stringify(file, null, 2) + '\n');
    await createFormKey(files, ctx.now());
    await appendAudit(files, {
      at: ctx.now().toISOString(),
      by: ctx.userName,
      action: 'workspace.create',
      summary: `新建工作区“${file.name}”`,
    });
    return Workspace.open(dir, ctx);
  }

  static async open(dirInput: string, ctx: WorkspaceContext, options: OpenOptions = {}): Promise<Workspace> {
    const info = await stat(resolve(dirInput)).catch(() => null);
    if (!info?.isDirectory()) throw new AppError('NOT_FOUND', `找不到文件夹“${resolve(dirInput)}”。`);
    // The folder the clerk chose may itself be reached through a link; what lies inside it may not.
    const dir = await realpath(resolve(dirInput));
    const files = new WorkspaceFiles(dir);
    const file = await readWorkspaceFile(files);
    const problems = await linkProblems(files);
    const links = problems.length;
    const formerNames = Object.values(file.regionFormerNames).flat();
    const loaded = problems.some((p) => p.startsWith('systems：'))
      ? { systems: [], problems: [] }
      : await loadSystemsDir(join(dir, 'systems'), ctx.registries, 'systems', [...file.regions, ...formerNames]);
    // A rename interrupted before it reached every system file is completed in memory.
    loaded.systems = loaded.systems.map((s) => withCurrentRegionNamesInSystem(s, file.regionFormerNames));
    problems.push(...loaded.problems.map((p) => `${p.file}：${p.message}`));
    for (const id of file.systems) {
      if (!loaded.systems.some((s) => s.id === id) && !problems.some((p) => p.includes(id)))
        problems.push(`systems/${id}.json：缺少该指标体系文件`);
    }
    const systems = loaded.systems.filter((s) => file.systems.includes(s.id));
    if (options.readOnly) return new Workspace(dir, file, systems, problems, null, '以只读方式打开。', ctx, options);
    if (links > 0)
      return new Workspace(dir, file, systems, problems, null, linkReason(problems.slice(0, links)), ctx, options);
    const lock = await WorkspaceLock.acquire(
      dir,
      { user: ctx.userName, app: ctx.app, now: ctx.now },
      options.takeOverLockId !== undefined ? { takeOverLockId: options.takeOverLockId } : {},
    );
    if (lock.mode === 'readOnly')
      return new Workspace(dir, file, systems, problems, null, lock.message, ctx, options, lock.holder ?? undefined);
    const ws = new Workspace(dir, file, systems, problems, lock.lock, undefined, ctx, options);
    if (lock.tookOverFrom) {
      const asked = options.takeOverLockId !== undefined;
      await ws.audit(
        'lock.takeover',
        asked
          ? `经确认接管了${describeHolder(lock.tookOverFrom)}持有的写入锁`
          : `接管了${describeHolder(lock.tookOverFrom)}遗留的写入锁（对方程序已退出或失联）`,
        lock.tookOverFrom,
      );
    }
    return ws;
  }

  get readOnly(): boolean {
    return this.lock === null;
  }

  get settings(): WorkspaceFile {
    return this.file;
  }

  get user(): string {
    return this.ctx.userName;
  }

  /** The workspace's clock (a test moves it by hand). */
  now(): Date {
    return this.ctx.now();
  }

  async assertWritable(): Promise<void> {
    if (!this.lock) throw new AppError('READ_ONLY', this.readOnlyReason ?? '工作区为只读，不能修改。');
    if (!(await this.lock.stillHeld())) {
      throw new AppError(
        'WORKSPACE_LOCKED',
        '工作区的写入锁已被另一台电脑接管（本机可能长时间失联），为防止互相覆盖，本次修改未保存。请重新打开工作区。',
      );
    }
  }

  /**
   * The key that signs this workspace's fill-in forms. A workspace made before forms were signed gets
   * one the first time it generates forms (which needs write access); reading returned forms never creates it.
   */
  async formSigningKey(create: boolean): Promise<FormSigningKey | null> {
    const existing = await readFormKey(this.files);
    if (existing || !create) return existing;
    if (this.readOnly)
      throw new AppError(
        'READ_ONLY',
        `本工作区还没有填报表签名密钥（${FORM_KEY_FILE}），只读状态下无法创建。请在可以修改工作区时生成一次填报表。`,
      );
    await this.assertWritable();
    const key = await createFormKey(this.files, this.ctx.now());
    await this.audit('settings.update', '创建填报表签名密钥（用于核对发回的填报表）');
    return key;
  }

  /** Problems found in the workspace's own files when it was opened (Chinese, one per file). */
  problemList(): string[] {
    return [...this.problems];
  }

  systemList(): IndicatorSystem[] {
    return this.file.systems.map((id) => this.systems.get(id)).filter((s): s is IndicatorSystem => s !== undefined);
  }

  system(id: string): IndicatorSystem {
    const s = this.systems.get(id);
    if (!s) throw new AppError('NOT_FOUND', `本工作区没有编号为“${id}”的指标体系。`);
    return s;
  }

  /** Parsing spec of an indicator, with the workspace's decimals override applied. */
  spec(systemId: string, indicatorId: string): (FigureSpec & { frequency: Frequency }) | null {
    const ind = this.systems.get(systemId)?.indicators.find((i) => i.id === indicatorId);
    if (!ind) return null;
    const decimals = this.file.ranking.decimalsOverride[`${systemId}/${indicatorId}`] ?? ind.decimals;
    return { name: ind.name, unit: ind.unit, kind: ind.kind, decimals, frequency: ind.frequency };
  }

  async info(): Promise<WorkspaceInfo> {
    return {
      id: this.file.id,
      name: this.file.name,
      dir: this.dir,
      city: this.file.city,
      regions: this.file.regions,
      regionFormerNames: this.file.regionFormerNames,
      systems: this.systemList().map(summarize),
      sample: this.file.sample,
      readOnly: this.readOnly,
      ...(this.readOnlyReason ? { readOnlyReason: this.readOnlyReason } : {}),
      ...(this.lockHolder ? { lockHolder: this.lockHolder } : {}),
      periods: await this.figures.listPeriods(),
      problems: this.problems,
    };
  }

  /** Saves all changes or none. An import passes each change's own origin (file and cell) beside the batch's. */
  setFigures(period: string, changes: StoreChange[], origin: FigureOrigin) {
    return this.figures.set(period, changes, origin);
  }

  async restorePeriod(period: string, revision: number) {
    const result = await this.figures.restore(period, revision);
    await this.audit('period.restore', `${period} 恢复到第 ${revision} 版（${result.changed} 项变化）`, {
      period,
      revision,
    });
    return result;
  }

  /** Replaces workspace.json after validating the whole result; the previous version goes to history. */
  async updateSettings(
    update: (current: WorkspaceFile) => WorkspaceFileInput,
    summary: string,
    action: AuditEvent['action'] = 'settings.update',
    detail?: unknown,
  ): Promise<WorkspaceFile> {
    await this.assertWritable();
    const next = WorkspaceFileSchema.safeParse(update(structuredClone(this.file)));
    if (!next.success)
      throw new AppError('BAD_INPUT', `设置有误：${zodErrorToChinese(next.error).join('；')}`, next.error.issues);
    const stamp = this.ctx.now().toISOString().replace(/[:.]/g, '-');
    await this.files.writeExclusive(
      `history/workspace/workspace-${stamp}.json`,
      JSON.stringify(this.file, null, 2) + '\n',
    );
    await this.files.writeAtomic(WORKSPACE_FILE, JSON.stringify(next.data, null, 2) + '\n');
    this.file = next.data;
    this.syncRegions();
    await this.audit(action, summary, detail);
    return this.file;
  }

  private syncRegions(): void {
    this.allowedRegions.clear();
    for (const r of [...this.file.regions, ...Object.values(this.file.regionFormerNames).flat()])
      this.allowedRegions.add(r);
    this.allowedRegions.add(TOTAL_REGION);
    this.allowedRegions.add(PROVINCE_REGION);
  }

  /**
   * Saves an edited system (already validated by the caller); the previous file goes to history. Returns
   * the history file's name, which the audit detail carries so the version before the edit can be restored.
   */
  async replaceSystem(
    system: IndicatorSystem,
    summary: string,
    detail: Record<string, unknown> = {},
    action: AuditEvent['action'] = 'system.update',
  ): Promise<string> {
    await this.assertWritable();
    const previous = this.system(system.id);
    const stamp = this.ctx.now().toISOString().replace(/[:.]/g, '-');
    const historyPath = await this.files.writeExclusive(
      `history/systems/${system.id}-${stamp}.json`,
      JSON.stringify(previous, null, 2) + '\n',
    );
    const historyFile = historyPath.slice('history/systems/'.length);
    await this.files.writeAtomic(`systems/${system.id}.json`, JSON.stringify(system, null, 2) + '\n');
    this.systems.set(system.id, system);
    await this.audit(action, summary, { systemId: system.id, historyFile, ...detail });
    return historyFile;
  }

  /**
   * Adds a system to the workspace (a template, one from another workspace, 新建下一年度): its file first,
   * then workspace.json lists it, so a crash in between leaves an unlisted file and nothing half-done.
   */
  async addSystem(system: IndicatorSystem, summary: string, detail: Record<string, unknown> = {}): Promise<void> {
    await this.assertWritable();
    if (this.systems.has(system.id) || this.file.systems.includes(system.id))
      throw new AppError('CONFLICT', `本工作区已有编号为“${system.id}”的指标体系。`);
    const rel = `systems/${system.id}.json`;
    const text = JSON.stringify(system, null, 2) + '\n';
    if (!(await this.files.createExclusive(rel, text))) {
      // A file no workspace.json lists (an add interrupted after its first write, or one copied in by hand)
      // is kept in history, then replaced; a link or an oversized file is left alone and the add refused.
      const stray = await this.files.readText(rel, 4 * 1024 * 1024).catch(() => null);
      if (stray === null)
        throw new AppError('CONFLICT', `工作区的 systems 文件夹中已有“${system.id}.json”，请先移走该文件。`);
      const stamp = this.ctx.now().toISOString().replace(/[:.]/g, '-');
      await this.files.writeAtomic(`history/systems/${system.id}-${stamp}-unlisted.json`, stray);
      await this.files.writeAtomic(rel, text);
    }
    this.systems.set(system.id, system);
    try {
      await this.updateSettings((f) => ({ ...f, systems: [...f.systems, system.id] }), summary, 'system.add', {
        systemId: system.id,
        ...detail,
      });
    } catch (err) {
      this.systems.delete(system.id);
      throw err;
    }
  }

  async audit(action: AuditEvent['action'], summary: string, detail?: unknown): Promise<void> {
    await appendAudit(this.files, {
      at: this.ctx.now().toISOString(),
      by: this.ctx.userName,
      action,
      summary,
      ...(detail === undefined ? {} : { detail }),
    });
  }

  /** The audit trail: workspace events plus every figure change of the periods asked for, newest first. */
  async auditLog(filter: { period?: string; limit?: number } = {}): Promise<AuditItem[]> {
    const items: AuditItem[] = [];
    for (const e of await readAudit(this.files)) {
      const period = (e.detail as { period?: string } | undefined)?.period;
      if (filter.period && period !== filter.period) continue;
      items.push({ at: e.at, by: e.by, action: e.action, summary: e.summary, ...(period ? { period } : {}) });
    }
    const periods = filter.period ? [filter.period] : await this.figures.listPeriods();
    for (const p of periods) {
      for (const e of await periodEntries(this.files, p)) {
        items.push({
          at: e.at,
          by: e.by,
          action: 'figures.set',
          period: p,
          summary: `${p} ${describeOrigin(e.origin)}，${e.changes.length} 项`,
          origin: e.origin,
          changes: e.changes.map((c) => ({
            systemId: c.s,
            indicatorId: c.i,
            region: c.r,
            old: c.old,
            new: c.new,
            ...(c.origin ? { origin: c.origin } : {}),
          })),
        });
      }
    }
    items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    return filter.limit ? items.slice(0, filter.limit) : items;
  }

  /**
   * Folds the journals into snapshots and releases the lock. The lock is released even when folding
   * fails (the journals are complete on disk either way); the failure is reported after. Safe to call twice.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.lock && (await this.lock.stillHeld())) await this.figures.flush();
    } finally {
      await this.lock?.release();
    }
  }
}
