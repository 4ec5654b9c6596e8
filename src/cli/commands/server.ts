import { migrationsDir } from '../../main/services/server/schema-migrations';
import {
  addServerUser,
  initServerWorkspace,
  setPeriodStatus,
  USER_ROLES,
  type UserRole,
} from '../../main/services/server/server-admin';
import { uploadWorkspace } from '../../main/services/server/upload';
import { parseCommandArgs, requireOption } from '../args';
import { UsageError, type CliCommand } from '../command';
import { withWorkspace } from '../workspace-arg';

export const serverCommand: CliCommand = {
  name: 'server',
  summary: '服务器工作区（PostgreSQL）：初始化、添加用户、上传本地工作区、开放或关闭期别',
  usage: `用法：
  npm run cli -- server init --url <管理员地址> --workspace-name <工作区名称> [--city 湖州] [--system <体系编号>]…
  npm run cli -- server user add --url <管理员地址> --name <用户名> --password <密码> --role office|district|department|leader [--region <区县>] [--indicator <体系编号/指标编号>]…
  npm run cli -- server upload --workspace <本地工作区文件夹> --url <管理员地址>
  npm run cli -- server period open|close --url <专班地址> --period <2026-03>

地址形如 postgres://用户名:密码@主机:端口/数据库（服务器要求加密时在末尾加 ?sslmode=require）。
init、user add 和 upload 要用建立该数据库的管理员账号；每个人用自己的账号登录，权限由数据库按角色控制：
  office 专班（全部读写）  district 区县（只读写本区县、专班已开放的期别）
  department 部门（只读写负责的指标）  leader 领导（只读）
详见 docs/server.md。`,
  async run(args, { services, io, appRoot }) {
    const [sub, ...rest] = args;
    const { values, positionals } = parseCommandArgs(rest, {
      url: { type: 'string' },
      'workspace-name': { type: 'string' },
      city: { type: 'string' },
      system: { type: 'string', multiple: true },
      name: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      region: { type: 'string' },
      indicator: { type: 'string', multiple: true },
      workspace: { type: 'string' },
      period: { type: 'string' },
    });
    const url = requireOption(values.url, '--url');
    const migrations = migrationsDir(appRoot);
    if (sub === 'init') {
      const name = requireOption(values['workspace-name'], '--workspace-name');
      const systems = await Promise.all((values.system ?? []).map((id) => services.templates.get(id)));
      const result = await initServerWorkspace(url, {
        workspaceName: name,
        city: values.city ?? '湖州',
        systems,
        registries: await services.templates.registries(),
        migrationsDir: migrations,
      });
      io.out(
        (result.applied.length ? `已建立数据库结构（${result.applied.join('、')}）。\n` : '数据库结构已是最新。\n') +
          (result.created ? `已新建服务器工作区“${name}”。\n` : '该数据库已是工作区，设置未改动。\n'),
      );
      return 0;
    }
    if (sub === 'user') {
      if (positionals[0] !== 'add') throw new UsageError('user 后面应为 add');
      const role = requireOption(values.role, '--role');
      if (!(USER_ROLES as readonly string[]).includes(role))
        throw new UsageError(`--role 应为 ${USER_ROLES.join('、')} 之一，收到“${role}”`);
      const name = requireOption(values.name, '--name');
      await addServerUser(url, {
        name,
        password: requireOption(values.password, '--password'),
        role: role as UserRole,
        ...(values.region ? { region: values.region } : {}),
        ...(values.indicator ? { indicators: values.indicator } : {}),
      });
      io.out(`已添加用户“${name}”（${role}${values.region ? `，${values.region}` : ''}）。\n`);
      return 0;
    }
    if (sub === 'upload') {
      const dir = requireOption(values.workspace, '--workspace');
      const result = await withWorkspace(services, dir, (ws) => uploadWorkspace(ws, url, migrations), 'read');
      io.out(
        `已上传：${result.periods} 期，${result.figures} 个数值，${result.revisions} 条修改记录，${result.auditEvents} 条审计记录。\n`,
      );
      return 0;
    }
    if (sub === 'period') {
      const action = positionals[0];
      if (action !== 'open' && action !== 'close') throw new UsageError('period 后面应为 open 或 close');
      const period = requireOption(values.period, '--period');
      await setPeriodStatus(url, period, action === 'open' ? 'open' : 'closed');
      io.out(`${period} 期已${action === 'open' ? '开放' : '关闭'}填报。\n`);
      return 0;
    }
    throw new UsageError(sub ? `不认识的子命令“${sub}”` : '请给出子命令：init、user add、upload 或 period');
  },
};
