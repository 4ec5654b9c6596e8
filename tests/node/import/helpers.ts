import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { createSampleWorkspace } from '../../../src/main/services/sample/sample-workspace';
import type { Workspace } from '../../../src/main/services/storage/workspace';
import { tempDir, templates } from '../../support/workspace';

export const REGIONAL = 'hz-mfg-cluster-regional-2023';
export const CITY_TARGETS = 'hz-mfg-cluster-targets-2023';

/** A fresh 湖州 sample workspace (示例数据, 2022-01..2023-09) in a temp folder. */
export async function sampleWorkspace(seed = 20230930, userName = '导入测试员'): Promise<Workspace> {
  const dir = join(tempDir('zjb-import-'), 'sample');
  return createSampleWorkspace({
    dir,
    seed,
    systems: await templates.all(),
    registries: await templates.registries(),
    userName,
  });
}

/** The form's row of an indicator (and storage period), read from its _meta sheet as the importer does. */
export interface FormHandle {
  wb: ExcelJS.Workbook;
  sheet: ExcelJS.Worksheet;
  meta: ExcelJS.Worksheet;
  row(indicatorId: string, period?: string): number;
  rows(): { row: number; systemId: string; indicatorId: string; period: string; name: string }[];
}

export async function openForm(buffer: Buffer): Promise<FormHandle> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const sheet = wb.getWorksheet('填报表');
  const meta = wb.getWorksheet('_meta');
  if (!sheet || !meta) throw new Error('not a fill-in form');
  const rows = () => {
    const out: { row: number; systemId: string; indicatorId: string; period: string; name: string }[] = [];
    let started = false;
    meta.eachRow((r) => {
      const a = String(r.getCell(1).value ?? '');
      if (a === 'row') {
        started = true;
        return;
      }
      if (started)
        out.push({
          row: Number(a),
          systemId: String(r.getCell(2).value),
          indicatorId: String(r.getCell(3).value),
          period: String(r.getCell(4).value),
          name: String(r.getCell(5).value),
        });
    });
    return out;
  };
  return {
    wb,
    sheet,
    meta,
    rows,
    row(indicatorId, period) {
      const found = rows().find((r) => r.indicatorId === indicatorId && (period === undefined || r.period === period));
      if (!found) throw new Error(`no row for ${indicatorId} ${period ?? ''}`);
      return found.row;
    },
  };
}

export async function saveForm(form: FormHandle): Promise<Buffer> {
  return Buffer.from(await form.wb.xlsx.writeBuffer());
}

/** Fills a form by script, as a district clerk would in Excel, and returns the saved bytes. */
export async function fillForm(buffer: Buffer, fill: (form: FormHandle) => void): Promise<Buffer> {
  const form = await openForm(buffer);
  fill(form);
  return saveForm(form);
}

/** Replaces one value of the _meta sheet's header (keeping the old checksum: a tampered form). */
export function setMetaValue(form: FormHandle, key: string, value: string): void {
  form.meta.eachRow((r) => {
    if (r.getCell(1).value === key) r.getCell(2).value = value;
  });
}
