import { createSampleWorkspace } from '../../main/services/sample/sample-workspace';
import { parseCommandArgs, requireOption } from '../args';
import { UsageError, type CliCommand } from '../command';

export const DEFAULT_SAMPLE_SEED = 20230930;

export const sampleCommand: CliCommand = {
  name: 'sample',
  summary: '生成湖州示例工作区（示例数据，2022—2023年逐月合成数据）',
  usage: `用法：npm run cli -- sample --out <新文件夹> [--seed 整数]

在一个新的空文件夹中生成湖州先进制造业集群示例工作区。数据全部为程序合成的示例数据，
同一 --seed 生成的数据完全相同。`,
  async run(args, { services, io }) {
    const { values } = parseCommandArgs(args, { out: { type: 'string' }, seed: { type: 'string' } });
    const out = requireOption(values.out, '--out');
    const seed = values.seed === undefined ? DEFAULT_SAMPLE_SEED : Number(values.seed);
    if (!Number.isInteger(seed)) throw new UsageError(`--seed 应为整数，收到“${values.seed}”`);
    const ws = await createSampleWorkspace({
      dir: out,
      seed,
      systems: await services.templates.all(),
      registries: await services.templates.registries(),
      userName: services.userName,
    });
    const info = await ws.info();
    await ws.close();
    io.out(
      `已生成示例工作区（示例数据）：${info.dir}\n期别 ${info.periods[0]} 至 ${info.periods[info.periods.length - 1]}，共 ${info.periods.length} 期。\n`,
    );
    return 0;
  },
};
