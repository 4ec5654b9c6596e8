import type { PeriodView } from '../../../shared/api-types';
import { parsePeriod } from '../../../shared/domain/periods';
import { periodTitle } from '../../../shared/domain/period-labels';
import type { RegionReturn } from '../../../shared/import-types';
import type { FigureRecord } from '../../../shared/schemas/figures';
import { formSections, type FormRowOptions } from '../documents/xlsx-forms/form-rows';
import type { Workspace } from '../storage/workspace';

/**
 * The 催报 list for a period: per region, whether every indicator its fill-in workbook asks for is stored
 * (a number or "/"), none is, or some are. The last import is read from the stored figures' origins,
 * which record the file each imported figure came from.
 */
export async function missingRegions(
  ws: Workspace,
  period: string,
  options: FormRowOptions = {},
): Promise<RegionReturn[]> {
  const views = new Map<string, PeriodView>();
  const view = async (key: string) => {
    let v = views.get(key);
    if (!v) views.set(key, (v = await ws.figures.get(key)));
    return v;
  };
  const formTitle = periodTitle(parsePeriod(period));
  const out: RegionReturn[] = [];
  for (const region of ws.settings.regions) {
    const sections = formSections(ws, period, region, options);
    const missing: string[] = [];
    let due = 0;
    let lastImport: RegionReturn['lastImport'];
    for (const s of sections) {
      const v = await view(s.period);
      for (const row of s.rows) {
        due++;
        const record: FigureRecord | undefined = v.figures[row.systemId]?.[row.indicatorId]?.[region];
        if (!record || record.v === null)
          missing.push(s.periodTitle === formTitle ? row.name : `${row.name}（${s.periodTitle}）`);
        if (record?.origin.kind === 'import' && (!lastImport || record.at > lastImport.at)) {
          lastImport = { file: record.origin.file, at: record.at, by: record.by };
        }
      }
    }
    const status = missing.length === 0 ? 'returned' : missing.length === due ? 'missing' : 'partial';
    out.push({ region, status, missingIndicators: missing, dueCount: due, ...(lastImport ? { lastImport } : {}) });
  }
  return out;
}
