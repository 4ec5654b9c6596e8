import { parseCommandArgs, requireOption } from '../args';
import { UsageError, type CliCommand } from '../command';
import { withWorkspace } from '../workspace-arg';

export const historyCommand: CliCommand = {
  name: 'history',
  summary: '列出某一期数据的全部保存版本（谁、何时、来源、改了几项）',
  usage: `用法：npm run cli -- history --workspace <工作区文件夹> --period <2023-09> [--json]`,
  async run(args, { services, io }) {
    const { values } = parseCommandArgs(args, {
      workspace: { type: 'string' },
      period: { type: 'string' },
      json: { type: 'boolean' },
    });
    const dir = requireOption(values.workspace, '--workspace');
    const period = requireOption(values.period, '--period');
    return withWorkspace(
      services,
      dir,
      async (ws) => {
        const revisions = await ws.figures.history(period);
        if (values.json) io.out(JSON.stringify(revisions, null, 2) + '\n');
        else {
          for (const r of revisions) io.out(`第 ${r.revision} 版\t${r.at}\t${r.by}\t${r.summary}\n`);
          io.out(revisions.length ? `共 ${revisions.length} 个版本。\n` : `${period} 还没有保存过数据。\n`);
        }
        return 0;
      },
      'read',
    );
  },
};

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: '把某一期数据恢复到以前的某个版本（恢复本身也记为一个新版本）',
  usage: `用法：npm run cli -- restore --workspace <工作区文件夹> --period <2023-09> --revision <版本号>`,
  async run(args, { services, io }) {
    const { values } = parseCommandArgs(args, {
      workspace: { type: 'string' },
      period: { type: 'string' },
      revision: { type: 'string' },
    });
    const dir = requireOption(values.workspace, '--workspace');
    const period = requireOption(values.period, '--period');
    const revision = Number(requireOption(values.revision, '--revision'));
    if (!Number.isInteger(revision) || revision < 0)
      throw new UsageError(`版本号“${values.revision}”无效，应为非负整数`);
    return withWorkspace(services, dir, async (ws) => {
      const result = await ws.restorePeriod(period, revision);
      io.out(`已恢复 ${period} 到第 ${revision} 版：${result.changed} 项有变化，当前为第 ${result.revision} 版。\n`);
      return 0;
    });
  },
};
