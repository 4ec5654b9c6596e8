import { AppError } from '../../shared/errors';
import { TOTAL_REGION } from '../../shared/systems/accessors';
import { targetFromText } from '../../shared/systems/target-input';
import { editSystem } from '../../main/services/systems/system-editor';
import { parseCommandArgs, requireOption } from '../args';
import { UsageError, type CliCommand } from '../command';
import { withWorkspace } from '../workspace-arg';

export const targetsCommand: CliCommand = {
  name: 'targets',
  summary: '设定某个指标某一年的目标（全市或区县分解目标），与界面修改同样校验和记录',
  usage: `用法：
  npm run cli -- targets set --workspace <工作区文件夹> --system <体系编号> --indicator <指标编号> --year <2026> [--region <区县简称>] --value <目标>
  npm run cli -- targets set … --clear          清除该目标

--value 照文件所印填写：数字（7、1,234.5），或文字原文（“增长6%左右”“2个以上”“完成省下达任务”），“/”表示该区县不适用。
不写 --region 时设定全市（全体系）目标，--region 为区县简称时设定该区县的分解目标。
修改记入工作区日志（谁、何时、原值 → 新值），可在“指标体系 → 修改记录”中恢复。`,
  async run(args, { services, io }) {
    const [sub, ...rest] = args;
    if (sub !== 'set') throw new UsageError(sub ? `不认识的子命令“${sub}”` : '请给出子命令：set');
    const { values } = parseCommandArgs(rest, {
      workspace: { type: 'string' },
      system: { type: 'string' },
      indicator: { type: 'string' },
      year: { type: 'string' },
      region: { type: 'string' },
      value: { type: 'string' },
      clear: { type: 'boolean' },
    });
    const dir = requireOption(values.workspace, '--workspace');
    const systemId = requireOption(values.system, '--system');
    const indicatorId = requireOption(values.indicator, '--indicator');
    const year = requireOption(values.year, '--year');
    if (!/^\d{4}$/.test(year)) throw new UsageError(`--year 应为四位年份，如 2026（现为“${year}”）`);
    if (values.clear && values.value !== undefined) throw new UsageError('--value 与 --clear 只能用一个');
    if (!values.clear && values.value === undefined)
      throw new UsageError('缺少必填选项 --value（或用 --clear 清除目标）');
    const region = values.region ?? TOTAL_REGION;
    return withWorkspace(services, dir, async (ws) => {
      const ind = ws.system(systemId).indicators.find((i) => i.id === indicatorId);
      if (!ind) throw new AppError('NOT_FOUND', `体系“${systemId}”中没有编号为“${indicatorId}”的指标。`);
      const value = values.clear ? null : targetFromText(values.value ?? '', ind.unit);
      if (!values.clear && value === null) throw new UsageError('--value 为空：要清除目标请用 --clear');
      const result = await editSystem(ws, await services.templates.registries(), systemId, {
        op: 'setTargets',
        year,
        cells: [{ indicatorId, region, value }],
      });
      if (result.changes.length === 0) io.out('目标与原来相同，未修改。\n');
      else for (const c of result.changes) io.out(`${c.what}：${c.old ?? '（无）'} → ${c.new ?? '（无）'}\n`);
      return 0;
    });
  },
};
