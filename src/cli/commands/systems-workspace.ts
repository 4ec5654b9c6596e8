import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import { writeFileAtomic } from '../../main/services/storage/atomic-file';
import {
  addSystemToWorkspace,
  restoreSystemVersion,
  rolloverWorkspaceSystem,
  systemFileText,
  systemHistory,
} from '../../main/services/systems/workspace-systems';
import { parseCommandArgs, requireOption } from '../args';
import { UsageError, type CliContext } from '../command';
import { withWorkspace } from '../workspace-arg';

/** The `systems` subcommands that work on a workspace's own systems. */
export const WORKSPACE_SUBCOMMANDS = ['rollover', 'add', 'history', 'restore'] as const;

/** `systems export --workspace W --system S --out F.json`: the JSON file export (an .xlsx --out is another). */
export function isJsonFileExport(rest: readonly string[]): boolean {
  const at = rest.indexOf('--out');
  const out = at >= 0 ? rest[at + 1] : rest.find((a) => a.startsWith('--out='))?.slice('--out='.length);
  const inWorkspace = rest.some((a) => a === '--workspace' || a.startsWith('--workspace='));
  return inWorkspace && out !== undefined && out.toLowerCase().endsWith('.json');
}

export const workspaceSystemsUsage = `
  npm run cli -- systems rollover --workspace <工作区> --system <体系编号> --to <2027>
                                             新建下一年度：复制指标、区县和节点，目标留待填写，并与原体系关联
  npm run cli -- systems add --workspace <工作区> (--template <模板编号> | --file <体系.json>)
                                             把程序自带的模板或从其他工作区导出的体系添加到工作区
  npm run cli -- systems export --workspace <工作区> --system <体系编号> --out <文件.json>
                                             把工作区中的体系导出为 JSON 文件（可在其他工作区添加）
  npm run cli -- systems history --workspace <工作区> --system <体系编号> [--json]
                                             体系的修改记录（谁、何时、原值 → 新值）
  npm run cli -- systems restore --workspace <工作区> --system <体系编号> --version <历史文件名>
                                             恢复到某次修改之前的版本（恢复本身也记入修改记录）`;

export async function runWorkspaceSystems(sub: string, rest: string[], { services, io }: CliContext): Promise<number> {
  const { values } = parseCommandArgs(rest, {
    workspace: { type: 'string' },
    system: { type: 'string' },
    to: { type: 'string' },
    template: { type: 'string' },
    file: { type: 'string' },
    out: { type: 'string' },
    version: { type: 'string' },
    json: { type: 'boolean' },
  });
  const dir = requireOption(values.workspace, '--workspace');
  const registries = () => services.templates.registries();
  return withWorkspace(services, dir, async (ws) => {
    switch (sub) {
      case 'rollover': {
        const system = await rolloverWorkspaceSystem(
          ws,
          await registries(),
          requireOption(values.system, '--system'),
          requireOption(values.to, '--to'),
        );
        io.out(
          `已新建 ${system.year} 年度体系“${system.title}”（${system.id}），共 ${system.indicators.length} 项指标，` +
            `上一年度为 ${system.previous?.systemId}。请在“指标体系”中或用 targets set 填写 ${system.year} 年目标。\n`,
        );
        return 0;
      }
      case 'add': {
        if (!values.template === !values.file)
          throw new UsageError('请给出 --template <模板编号> 或 --file <体系.json> 之一');
        let source: Parameters<typeof addSystemToWorkspace>[2];
        if (values.template) source = { template: await services.templates.get(values.template) };
        else {
          const path = resolve(values.file ?? '');
          const text = await readFile(path, 'utf8').catch(() => {
            throw new AppError('NOT_FOUND', `找不到或无法读取文件“${path}”。`);
          });
          source = { fileName: basename(path), text };
        }
        const { system, renamedFrom } = await addSystemToWorkspace(ws, await registries(), source);
        io.out(
          `已添加指标体系“${system.title}”（${system.id}），${system.indicators.length} 项指标。` +
            `${renamedFrom ? `本工作区已有编号 ${renamedFrom}，新体系编号为 ${system.id}。` : ''}\n`,
        );
        return 0;
      }
      case 'export-file': {
        const system = ws.system(requireOption(values.system, '--system'));
        const out = resolve(requireOption(values.out, '--out'));
        if (!out.toLowerCase().endsWith('.json')) throw new UsageError('--out 应为 .json 文件');
        await writeFileAtomic(out, systemFileText(system));
        io.out(`已导出“${system.title}”到 ${out}\n`);
        return 0;
      }
      case 'history': {
        const items = await systemHistory(ws, requireOption(values.system, '--system'));
        if (values.json) {
          io.out(JSON.stringify(items, null, 2) + '\n');
          return 0;
        }
        if (items.length === 0) io.out('没有修改记录。\n');
        for (const item of items) {
          io.out(`${item.at} ${item.by} ${item.summary}${item.historyFile ? `  [版本 ${item.historyFile}]` : ''}\n`);
          for (const c of item.changes) io.out(`    ${c.what}：${c.old ?? '（无）'} → ${c.new ?? '（无）'}\n`);
        }
        return 0;
      }
      case 'restore': {
        const system = await restoreSystemVersion(
          ws,
          await registries(),
          requireOption(values.system, '--system'),
          requireOption(values.version, '--version'),
        );
        io.out(`已恢复“${system.title}”（${system.id}）。\n`);
        return 0;
      }
      default:
        throw new UsageError(`不认识的子命令“${sub}”`);
    }
  });
}
