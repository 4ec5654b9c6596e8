import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFillForms, type FillForm } from '../../../src/main/services/documents/xlsx-forms/generate-fill-forms';
import { applyImport, ImportPreviewStore, previewImport } from '../../../src/main/services/import';
import type { Workspace } from '../../../src/main/services/storage/workspace';
import { AppError } from '../../../src/shared/errors';
import { fillForm, REGIONAL, sampleWorkspace } from './helpers';

/** The renderer sends a large batch in several preview requests; they are applied as one import. */

let ws: Workspace;
let wuxing: FillForm;
let nanxun: FillForm;

beforeAll(async () => {
  ws = await sampleWorkspace();
  [wuxing, nanxun] = (await generateFillForms(ws, '2023-10', { regions: ['吴兴', '南浔'] })) as [FillForm, FillForm];
});
afterAll(() => ws.close());

const growth = (value: number) => (f: Parameters<Parameters<typeof fillForm>[1]>[0]) => {
  f.sheet.getCell(`D${f.row('industrial-value-added-growth')}`).value = value;
};

async function refusal(run: Promise<unknown>): Promise<AppError> {
  const err = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const stored = async (region: string) =>
  (await ws.figures.get('2023-10')).figures[REGIONAL]?.['industrial-value-added-growth']?.[region]?.v;

describe('applying several previews of one import', () => {
  it('refuses two previews that hold a file of the same region and period, writing nothing', async () => {
    const store = new ImportPreviewStore();
    const a = await previewImport(ws, [{ name: '吴兴甲.xlsx', bytes: await fillForm(wuxing.buffer, growth(6.1)) }], {
      store,
      period: '2023-10',
    });
    const b = await previewImport(ws, [{ name: '吴兴乙.xlsx', bytes: await fillForm(wuxing.buffer, growth(6.2)) }], {
      store,
      period: '2023-10',
    });
    const err = await refusal(applyImport(ws, [a.id, b.id], { store }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe(
      '“吴兴甲.xlsx”和“吴兴乙.xlsx”都是吴兴2023年1—10月的填报表，不能同时导入。本次未导入任何数据，请只保留一份后重新预览。',
    );
    expect((await ws.figures.get('2023-10')).revision).toBe(0);
  });

  it('writes the previews of two requests that share a period, checked against the revisions they were read at', async () => {
    const store = new ImportPreviewStore();
    const a = await previewImport(ws, [{ name: wuxing.fileName, bytes: await fillForm(wuxing.buffer, growth(6.4)) }], {
      store,
      period: '2023-10',
    });
    const b = await previewImport(ws, [{ name: nanxun.fileName, bytes: await fillForm(nanxun.buffer, growth(5.9)) }], {
      store,
      period: '2023-10',
    });
    expect([a.basis, b.basis]).toEqual([{ '2023-10': 0 }, { '2023-10': 0 }]);
    const result = await applyImport(ws, [a.id, b.id], { store });
    expect(result).toMatchObject({ previewId: a.id, changed: 2, skippedCells: 0, refusedFiles: 0 });
    expect(result.applied.map((f) => [f.region, f.periods])).toEqual([
      ['吴兴', [{ period: '2023-10', revision: 1, changed: 1 }]],
      ['南浔', [{ period: '2023-10', revision: 2, changed: 1 }]],
    ]);
    expect([await stored('吴兴'), await stored('南浔')]).toEqual([6.4, 5.9]);
    expect(store.get(a.id)).toBeUndefined();
    expect(store.get(b.id)).toBeUndefined();
  });

  it('writes nothing when any of the previews was read before a later save', async () => {
    const store = new ImportPreviewStore();
    const a = await previewImport(ws, [{ name: wuxing.fileName, bytes: await fillForm(wuxing.buffer, growth(7.7)) }], {
      store,
      period: '2023-10',
    });
    await ws.setFigures(
      '2023-10',
      [{ systemId: REGIONAL, indicatorId: 'industrial-value-added-growth', region: '德清', value: 5 }],
      { kind: 'entry' },
    );
    const b = await previewImport(ws, [{ name: nanxun.fileName, bytes: await fillForm(nanxun.buffer, growth(7.8)) }], {
      store,
      period: '2023-10',
    });
    const err = await refusal(applyImport(ws, [b.id, a.id], { store }));
    expect(err.message).toBe(
      '2023-10 的数据在预览之后被修改过（第 2 版 → 第 3 版），为免覆盖，本次未导入任何数据。请重新预览后再导入。',
    );
    expect([await stored('吴兴'), await stored('南浔')]).toEqual([6.4, 5.9]);
  });
});
