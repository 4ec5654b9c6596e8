import { AppError } from '../../shared/errors';
import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { savePrintedPdf } from '../services/reports/exports-folder';

export function appHandlers({ appVersion, user, templates, session, dialogs }: Services): NamespaceHandlers<'app'> {
  const info = async (host: 'electron' | 'http') => ({
    appName: '指标简报助手',
    version: appVersion,
    host,
    userName: user.name,
    userNameSet: user.isSet,
    platform: process.platform,
    templatesCount: (await templates.list()).length,
    templateProblems: (await templates.problems()).map((p) => `${p.file}：${p.message}`),
  });
  return {
    'app.info': (_input, ctx) => info(ctx.host),
    'app.setUserName': async ({ name }, ctx) => {
      await user.setName(name);
      return info(ctx.host);
    },
    'app.print': async ({ mode, period, fileName, landscape }) => {
      if (!dialogs) throw new AppError('BAD_INPUT', '浏览器预览请使用浏览器的打印功能（Ctrl+P），可选择“另存为 PDF”。');
      if (mode === 'print') return { printed: await dialogs.printWindow() };
      const ws = session.require();
      const pdf = await dialogs.printWindowToPdf(landscape);
      return { printed: true, pdf: { relativePath: await savePrintedPdf(ws, period, fileName, pdf) } };
    },
  };
}
