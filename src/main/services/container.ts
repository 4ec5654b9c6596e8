import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { EventHub } from './event-hub';
import { JobService } from './jobs/job-service';
import { DownloadStore } from './downloads/download-store';
import { stopFormReader } from './import/form-reader-pool';
import { ImportPreviewStore } from './import/preview-store';
import type { PlatformDialogs } from './platform';
import { WorkspaceSession } from './storage/workspace-session';
import { UserProfile } from './user-profile';
import { TemplatesService } from './systems/templates-service';
import { withoutUndefined } from '../../shared/objects';

export interface ServiceOptions {
  /** The folder holding templates/ (project root in development, resources when packaged). */
  appRoot: string;
  appVersion: string;
  /** Who is working: recorded in every saved change. */
  userName?: string;
  /** Per-user app data: recent workspaces, the sample workspace. */
  appDataDir?: string;
  /** Where new workspaces go by default: the user's documents. */
  documentsDir?: string;
  app?: 'desktop' | 'cli' | 'http';
  dialogs?: PlatformDialogs;
  now?: () => Date;
}

/** Every main-process service, built once in dependency order (the composition root's job). */
export interface Services {
  appVersion: string;
  /** Who is working (设置 → 我的姓名): the name every change is recorded under. */
  user: UserProfile;
  /** user.name, read when used. */
  readonly userName: string;
  templates: TemplatesService;
  session: WorkspaceSession;
  dialogs: PlatformDialogs | null;
  /** Push events to whichever host serves the renderer (job progress, figures changed). */
  events: EventHub;
  jobs: JobService;
  /** Generated files for the browser host to serve at /downloads/<id>. */
  downloads: DownloadStore;
  /** Import previews waiting for the clerk to confirm. */
  importPreviews: ImportPreviewStore;
  /**
   * The one shutdown of the services, called by every host (Electron before-quit, serve on SIGINT and
   * SIGTERM, the CLI when its command ends): stops running jobs, folds the open workspace's journals
   * into snapshots and releases its write lock. Safe to call more than once.
   */
  dispose(): Promise<void>;
}

export function osUserName(): string {
  try {
    return userInfo().username || '未知用户';
  } catch {
    return '未知用户';
  }
}

export function defaultAppDataDir(): string {
  return process.env['ZJB_DATA_DIR'] ?? join(homedir(), '.zhibiao-jianbao');
}

export function createServices(options: ServiceOptions): Services {
  const appDataDir = options.appDataDir ?? defaultAppDataDir();
  const user = new UserProfile(appDataDir, options.userName, osUserName);
  const templates = new TemplatesService(join(options.appRoot, 'templates'));
  const session = new WorkspaceSession({
    appDataDir,
    documentsDir: options.documentsDir ?? join(homedir(), 'Documents', '指标简报工作区'),
    get userName() {
      return user.name;
    },
    app: options.app ?? 'cli',
    templates,
    ...withoutUndefined({ now: options.now }),
  });
  const events = new EventHub();
  const jobs = new JobService((payload) => events.emit('job.progress', payload));
  let disposed: Promise<void> | null = null;
  const dispose = () =>
    (disposed ??= (async () => {
      try {
        await jobs.stopAll();
        await stopFormReader();
      } finally {
        await session.close();
      }
    })());
  return {
    dispose,
    appVersion: options.appVersion,
    user,
    get userName() {
      return user.name;
    },
    templates,
    session,
    dialogs: options.dialogs ?? null,
    events,
    jobs,
    downloads: new DownloadStore(withoutUndefined({ now: options.now })),
    importPreviews: new ImportPreviewStore(undefined, undefined, options.now),
  };
}
