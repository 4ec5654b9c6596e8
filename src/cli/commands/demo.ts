import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parsePeriod } from '../../shared/domain/periods';
import { createSampleWorkspace } from '../../main/services/sample/sample-workspace';
import { exportDocuments } from '../../main/services/reports/export-service';
import { parseCommandArgs } from '../args';
import type { CliCommand } from '../command';
import { printExport } from './documents';
import { DEFAULT_SAMPLE_SEED } from './sample';

const MARKER = '.zjb-demo-output';
export const DEMO_PERIOD = '2023-09';
/** The demo's documents carry a fixed date, so the same seed gives the same files. */
export const DEMO_ISSUE_DATE = new Date(2023, 9, 8);

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: '用内置示例工作区生成 2023年1—9月 的简报和排名表（示例数据）',
  usage: `用法：npm run demo  或  npm run cli -- demo [--out 目录] [--seed 整数]

在输出目录（默认 demo-output/）中：
  1. 生成湖州示例工作区“示例工作区/”（示例数据：先进制造业集群指标体系，2022年1月至2023年9月合成数据）；
  2. 计算 2023年1—9月 完成率、序时进度、同比、位次和赛马综合得分，起草简报；
  3. 输出简报 .docx（并做公文格式检查）和各区县亮晒表 .xlsx。
输出目录若是以前的示例输出会被重新生成；若是其他非空文件夹则不会动它。`,
  async run(args, { services, io }) {
    const { values } = parseCommandArgs(args, { out: { type: 'string' }, seed: { type: 'string' } });
    const out = resolve(values.out ?? 'demo-output');
    if (existsSync(out) && readdirSync(out).length > 0) {
      if (!existsSync(join(out, MARKER))) {
        io.err(`“${out}”不是空文件夹，也不是以前生成的示例输出，为免覆盖您的文件，已停止。请换一个 --out 目录。\n`);
        return 1;
      }
      rmSync(out, { recursive: true, force: true });
    }
    const started = performance.now();
    const dir = join(out, '示例工作区');
    const ws = await createSampleWorkspace({
      dir,
      seed: values.seed === undefined ? DEFAULT_SAMPLE_SEED : Number(values.seed),
      systems: await services.templates.all(),
      registries: await services.templates.registries(),
      userName: services.userName,
    });
    writeFileSync(join(out, MARKER), '示例输出目录：npm run demo 会重新生成本目录。\n');
    try {
      io.out(`已生成示例工作区（示例数据）：${dir}\n`);
      const result = await exportDocuments(ws, {
        period: parsePeriod(DEMO_PERIOD),
        periodKey: DEMO_PERIOD,
        kind: '简报',
        issueDate: DEMO_ISSUE_DATE,
        parts: ['docx', 'xlsx'],
        outDir: out,
      });
      printExport(io, result);
      io.out(`用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒。以上文件中的数字均为示例数据。\n`);
      return result.checks.every((c) => c.pass) ? 0 : 1;
    } finally {
      await ws.close();
    }
  },
};
