import { editRegions } from '../../main/services/systems/regions-service';
import { RegionEditSchema, type RegionEdit } from '../../shared/schemas/region-edit';
import { parseCommandArgs, requireOption } from '../args';
import { UsageError, type CliCommand } from '../command';
import { withWorkspace } from '../workspace-arg';

export const regionsCommand: CliCommand = {
  name: 'regions',
  summary: '查看或修改工作区的区县（添加、改名、调整顺序）',
  usage: `用法：
  npm run cli -- regions list   --workspace <工作区文件夹> [--json]
  npm run cli -- regions add    --workspace <工作区文件夹> --name <区县简称> [--after <区县简称>]
  npm run cli -- regions rename --workspace <工作区文件夹> --from <原名称> --to <新名称>
  npm run cli -- regions order  --workspace <工作区文件夹> --regions <吴兴,南浔,…>

改名后，以前按原名称保存的数据原样保留，按新名称显示和计算；各体系中的分解目标和节点随之改名。`,
  async run(args, { services, io }) {
    const [sub, ...rest] = args;
    const { values } = parseCommandArgs(rest, {
      workspace: { type: 'string' },
      name: { type: 'string' },
      after: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      regions: { type: 'string' },
      json: { type: 'boolean' },
    });
    const dir = requireOption(values.workspace, '--workspace');
    let edit: RegionEdit | null = null;
    if (sub === 'add')
      edit = {
        op: 'add',
        name: requireOption(values.name, '--name'),
        ...(values.after ? { after: values.after } : {}),
      };
    else if (sub === 'rename')
      edit = { op: 'rename', from: requireOption(values.from, '--from'), to: requireOption(values.to, '--to') };
    else if (sub === 'order')
      edit = {
        op: 'order',
        regions: requireOption(values.regions, '--regions')
          .split(/[,，、]/)
          .map((r) => r.trim())
          .filter(Boolean),
      };
    else if (sub !== 'list')
      throw new UsageError(sub ? `不认识的子命令“${sub}”` : '请给出子命令：list、add、rename 或 order');
    return withWorkspace(services, dir, async (ws) => {
      if (edit) {
        const parsed = RegionEditSchema.safeParse(edit);
        if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('；'));
        await editRegions(ws, await services.templates.registries(), parsed.data);
      }
      const s = ws.settings;
      if (values.json) io.out(JSON.stringify({ regions: s.regions, formerNames: s.regionFormerNames }, null, 2) + '\n');
      else {
        io.out(`区县：${s.regions.join('、')}\n`);
        for (const [name, former] of Object.entries(s.regionFormerNames))
          io.out(`${name} 原名：${former.join('、')}\n`);
      }
      return 0;
    });
  },
};
