import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFillForms } from '../../../src/main/services/documents/xlsx-forms/generate-fill-forms';
import { applyImport, previewImport } from '../../../src/main/services/import';
import { reviewPeriod } from '../../../src/main/services/review/review-service';
import type { Workspace } from '../../../src/main/services/storage/workspace';
import { fillForm, REGIONAL, sampleWorkspace } from '../import/helpers';

let ws: Workspace;
beforeAll(async () => {
  ws = await sampleWorkspace(20230930, '审核测试员');
});
afterAll(() => ws.close());

describe('审核 on import', () => {
  it('judges a returned figure with the same rule and words as the entry and the export check', async () => {
    const [form] = await generateFillForms(ws, '2023-10', { regions: ['吴兴'] });
    const bytes = await fillForm(form!.buffer, (f) => {
      f.sheet.getCell(`D${f.row('industrial-value-added-growth')}`).value = 1234.5;
    });
    const preview = await previewImport(ws, [{ name: form!.fileName, bytes }]);
    const cell = preview.files[0]?.cells.find((c) => c.indicatorId === 'industrial-value-added-growth');
    expect(cell?.anomalies.map((a) => a.kind)).toContain('growthRange');
    const fromImport = cell?.anomalies.find((a) => a.kind === 'growthRange')?.message;

    await applyImport(ws, preview);
    const report = await reviewPeriod(ws, '2023-10');
    const finding = report.items.find((i) => i.code === 'SH04' && i.cell.region === '吴兴');
    expect(finding?.message).toBe(`吴兴：${fromImport}`);
  });

  it('shows what an import would do across cells: a district’s new figure against the stored 全市', async () => {
    const q3 = await ws.figures.get('2023Q3');
    const stored = q3.figures[REGIONAL]?.['inefficient-firms-rectified']?.['吴兴']?.v;
    expect(typeof stored).toBe('number');
    expect((await reviewPeriod(ws, '2023Q3')).items.filter((i) => i.code === 'SH01')).toEqual([]);

    const [form] = await generateFillForms(ws, '2023-09', { regions: ['吴兴'] });
    const bytes = await fillForm(form!.buffer, (f) => {
      f.sheet.getCell(`D${f.row('inefficient-firms-rectified', '2023Q3')}`).value = Number(stored) + 40;
    });
    const preview = await previewImport(ws, [{ name: form!.fileName, bytes }]);
    expect(preview.review.map((i) => `${i.code} ${i.indicatorName} ${i.cell.region}`)).toEqual([
      'SH01 高耗低效整治企业数 全市',
    ]);
    expect(preview.review[0]?.message).toContain('相差 −40家');
    // Nothing was written by the preview.
    expect((await reviewPeriod(ws, '2023Q3')).items.filter((i) => i.code === 'SH01')).toEqual([]);
  });
});
