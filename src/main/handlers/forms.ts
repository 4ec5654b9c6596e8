import { parsePeriod } from '../../shared/domain/periods';
import { periodTitle } from '../../shared/domain/period-labels';
import { AppError } from '../../shared/errors';
import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { formsForDownload, formsIntoFolder } from '../services/documents/deliver-files';
import { generateFillForms } from '../services/documents/xlsx-forms/generate-fill-forms';

export function formsHandlers({ session, dialogs, downloads }: Services): NamespaceHandlers<'forms'> {
  return {
    'forms.generate': async ({ period, regions }) => {
      const ws = session.require();
      const forms = await generateFillForms(ws, period, regions ? { regions } : {});
      const header = { period, periodTitle: periodTitle(parsePeriod(period)), sample: ws.settings.sample };
      if (!dialogs) return formsForDownload(header, forms, downloads);
      const folder = await dialogs.chooseFolder('选择保存填报表的文件夹', session.defaultParentDir);
      if (!folder) throw new AppError('CANCELLED', '已取消，未生成填报表文件。');
      return formsIntoFolder(header, forms, folder);
    },
  };
}
