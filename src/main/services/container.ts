import { userInfo } from 'node:os';
import { join } from 'node:path';
import { TemplatesService } from './systems/templates-service';

export interface ServiceOptions {
  /** The folder holding templates/ (project root in development, resources when packaged). */
  appRoot: string;
  /** Who is working: recorded in every audit entry. */
  userName?: string;
  appVersion: string;
}

/** Every main-process service, built once in dependency order (the composition root's job). */
export interface Services {
  appVersion: string;
  userName: string;
  templates: TemplatesService;
}

export function osUserName(): string {
  try {
    return userInfo().username || '未知用户';
  } catch {
    return '未知用户';
  }
}

export function createServices(options: ServiceOptions): Services {
  const templates = new TemplatesService(join(options.appRoot, 'templates'));
  return {
    appVersion: options.appVersion,
    userName: options.userName ?? osUserName(),
    templates,
  };
}
