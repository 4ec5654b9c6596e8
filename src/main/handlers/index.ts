import type { Handlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { reportHandlers } from './reports';
import { documentHandlers } from './documents';
import { importHandlers } from './import';
import { systemsHandlers } from './systems';
import { tableImportHandlers } from './table-import';
import { workspaceHandlers } from './workspace';
import { workspaceCurrentHandlers } from './workspace-current';

/** The handler table: the contract's calls bound to the services. Shared by every host. */
export function createHandlers(services: Services): Handlers {
  return {
    'app.info': async (_input, ctx) => ({
      appName: '指标简报助手',
      version: services.appVersion,
      host: ctx.host,
      userName: services.userName,
      platform: process.platform,
      templatesCount: (await services.templates.list()).length,
      templateProblems: (await services.templates.problems()).map((p) => `${p.file}：${p.message}`),
    }),
    'templates.list': () => services.templates.list(),
    'templates.get': ({ id }) => services.templates.get(id),
    ...workspaceHandlers(services),
    ...systemsHandlers(services),
    ...tableImportHandlers(services),
    ...reportHandlers(services),
    ...importHandlers(services),
    ...documentHandlers(services),
    ...workspaceCurrentHandlers(services),
  };
}
