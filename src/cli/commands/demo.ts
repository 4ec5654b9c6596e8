import type { CliCommand } from '../command';

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: '用内置示例工作区生成本月简报和排名表（示例数据）',
  usage: `用法：npm run demo  或  npm run cli -- demo [--out 目录]

生成示例工作区（示例数据），并输出 2023年9月 的简报 .docx 和排名表 .xlsx 到 demo-output/。`,
  async run(_args, { services, io }) {
    const systems = await services.templates.list();
    io.out(
      [
        '示例任务（示例数据）将依次：',
        '  1. 在 demo-output/示例工作区 创建湖州示例工作区（先进制造业集群指标体系，2022—2023年逐月合成数据）；',
        '  2. 计算 2023年1—9月 完成率、序时进度、同比与各区县位次；',
        '  3. 输出简报 .docx 与排名表 .xlsx 到 demo-output/。',
        `当前已载入 ${systems.length} 套指标体系模板。工作区、计算与文档生成将在后续版本接入。`,
        '',
      ].join('\n'),
    );
    return 0;
  },
};
