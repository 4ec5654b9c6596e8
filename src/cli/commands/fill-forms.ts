import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { generateFillForms } from '../../main/services/documents/xlsx-forms/generate-fill-forms';
import { saveIntoFolder } from '../../main/services/documents/save-files';
import { parseCommandArgs, requireOption } from '../args';
import type { CliCommand } from '../command';
import { withWorkspace } from '../workspace-arg';

export const fillFormsCommand: CliCommand = {
  name: 'fill-forms',
  summary: '生成某一期发给各区县的填报表（每个区县一个 .xlsx）',
  usage: `用法：npm run cli -- fill-forms --workspace <工作区文件夹> --period <2023-09> --out <输出文件夹> [--region 吴兴 ...] [--return-by 2023年10月8日]

为每个区县生成一份填报表：列出该期应报的指标（季末月份同时列出季度指标，12 月再加年度指标，
各自记入对应的期别），已有数据预先填好，并附年度目标、上年同期、上期供核对。
  --region      只为这些区县生成（可重复），默认全部区县
  --return-by   填报说明中的报送截止时间，默认次月 8 日
已存在的同名文件不会被覆盖，新文件名后加（2）（3）。`,
  async run(args, { services, io }) {
    const { values } = parseCommandArgs(args, {
      workspace: { type: 'string' },
      period: { type: 'string' },
      out: { type: 'string' },
      region: { type: 'string', multiple: true },
      'return-by': { type: 'string' },
    });
    const dir = requireOption(values.workspace, '--workspace');
    const period = requireOption(values.period, '--period');
    const out = resolve(requireOption(values.out, '--out'));
    return withWorkspace(services, dir, async (ws) => {
      const forms = await generateFillForms(ws, period, {
        ...(values.region?.length ? { regions: values.region } : {}),
        ...(values['return-by'] ? { returnBy: values['return-by'] } : {}),
      });
      await mkdir(out, { recursive: true });
      const paths = await saveIntoFolder(out, forms);
      forms.forEach((f, i) => io.out(`${f.region}\t${f.rows} 项指标\t${paths[i] ?? ''}\n`));
      io.out(`已生成 ${forms.length} 份填报表${ws.settings.sample ? '（示例数据）' : ''}，保存在 ${out}\n`);
      return 0;
    });
  },
};
