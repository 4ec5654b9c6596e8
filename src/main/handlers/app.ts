import { AppError } from '../../shared/errors';
import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { savePrintedPdf } from '../services/reports/exports-folder';

export function appHandlers({ appVersion, userName, templates, session, dialogs }: Services): NamespaceHandlers<'app'> {
  return {
    'app.info': async (_input, ctx) => ({
      appName: '指标简报助手',
      version: appVersion,
      host: ctx.host,
      userName,
      platform: process.platform,
      templatesCount: (await templates.list()).length,
      templateProblems: (await templates.problems()).map((p) => `${p.file}：${p.message}`),
    }),
    'app.print': async ({ mode, period, fileName, landscape }) => {
      if (!dialogs) throw new AppError('BAD_INPUT', '浏览器预览请使用浏览器的打印功能（Ctrl+P），可选择“另存为 PDF”。');
      if (mode === 'print') return { printed: await dialogs.printWindow() };
      const ws = session.require();
      const pdf = await dialogs.printWindowToPdf(landscape);
      return { printed: true, pdf: { relativePath: await savePrintedPdf(ws, period, fileName, pdf) } };
    },
  };
}
