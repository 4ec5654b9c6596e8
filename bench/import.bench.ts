import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateFillForms } from '../src/main/services/documents/xlsx-forms/generate-fill-forms';
import { applyImport, previewImport, type ImportFile } from '../src/main/services/import';
import { createSampleWorkspace } from '../src/main/services/sample/sample-workspace';
import { TemplatesService } from '../src/main/services/systems/templates-service';

const FORMS = 100;

/** Seventeen months of the sample (2022-01 … 2023-05) × six districts: 102 forms, the first 100 used. */
function months(): string[] {
  const out: string[] = [];
  for (const year of [2022, 2023])
    for (let m = 1; m <= (year === 2022 ? 12 : 5); m++) out.push(`${year}-${String(m).padStart(2, '0')}`);
  return out;
}

/**
 * A district's corrections: every pre-filled figure nudged by 1% (to one decimal, so some counts become
 * fractions and are rejected as a typo would be), the blank ones filled in.
 */
async function fill(buffer: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const sheet = wb.getWorksheet('填报表');
  const meta = wb.getWorksheet('_meta');
  if (!sheet || !meta) throw new Error('not a fill-in form');
  let inRows = false;
  meta.eachRow((r) => {
    const first = String(r.getCell(1).value ?? '');
    if (first === 'row') inRows = true;
    else if (inRows) {
      const cell = sheet.getCell(`D${first}`);
      const v = cell.value;
      cell.value = typeof v === 'number' ? Math.round(v * 1.01 * 10) / 10 : v === '/' ? '/' : 12;
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Import of 100 returned forms into the sample workspace: forms are generated and filled first (not
 * timed), then one preview of all 100 and one apply are timed. Target (performance.md): ≤ 10 s in total.
 */
export async function benchImport(): Promise<{ forms: number; previewMs: number; applyMs: number }> {
  const templates = new TemplatesService(join(__dirname, '..', 'templates'));
  const dir = join(mkdtempSync(join(tmpdir(), 'zjb-bench-import-')), 'sample');
  const ws = await createSampleWorkspace({
    dir,
    seed: 20230930,
    systems: await templates.all(),
    registries: await templates.registries(),
    userName: '基准测试',
  });
  try {
    const files: ImportFile[] = [];
    for (const period of months()) {
      for (const form of await generateFillForms(ws, period)) {
        if (files.length < FORMS) files.push({ name: form.fileName, bytes: await fill(form.buffer) });
      }
    }
    const t0 = performance.now();
    const preview = await previewImport(ws, files);
    const t1 = performance.now();
    const result = await applyImport(ws, preview);
    const t2 = performance.now();
    if (preview.totals.refusedFiles > 0 || result.changed === 0)
      throw new Error(`bench import did not import: ${JSON.stringify(preview.totals)}`);
    return { forms: files.length, previewMs: Math.round(t1 - t0), applyMs: Math.round(t2 - t1) };
  } finally {
    await ws.close();
  }
}

if (require.main === module) {
  void benchImport().then((r) => {
    console.log(
      `import of ${r.forms} returned forms: preview ${r.previewMs} ms, apply ${r.applyMs} ms, total ${r.previewMs + r.applyMs} ms (target ≤ 10000 ms)`,
    );
  });
}
