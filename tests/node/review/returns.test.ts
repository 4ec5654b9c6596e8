import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  REPORTER_NAME_CELL,
  REPORTER_PHONE_CELL,
} from '../../../src/main/services/documents/xlsx-forms/fill-form-sheet';
import { generateFillForms } from '../../../src/main/services/documents/xlsx-forms/generate-fill-forms';
import { applyImport, excludeKey, previewImport } from '../../../src/main/services/import';
import { provenanceOf } from '../../../src/main/services/reports/provenance';
import { returnsOverview, setReturnStatus } from '../../../src/main/services/returns/returns-service';
import type { Workspace } from '../../../src/main/services/storage/workspace';
import { AppError } from '../../../src/shared/errors';
import { newWorkspace } from '../../support/workspace';
import { fillForm, REGIONAL } from '../import/helpers';

const GROWTH = 'industrial-value-added-growth';
const DIGITAL = 'digital-core-mfg-va-growth';
let ws: Workspace;
beforeEach(async () => {
  ({ ws } = await newWorkspace({ user: '李科员' }));
});
afterEach(() => ws.close());

/** 德清 returns its 2023-09 form: every row filled (10, or the value given), some rows left out. */
async function returnDeqing(fill: Record<string, number | string>, exclude: string[] = []) {
  const [form] = await generateFillForms(ws, '2023-09', { regions: ['德清'] });
  const bytes = await fillForm(form!.buffer, (f) => {
    f.sheet.getCell(REPORTER_NAME_CELL).value = '王芳';
    f.sheet.getCell(REPORTER_PHONE_CELL).value = '0572-8012345';
    for (const r of f.rows()) f.sheet.getCell(`D${r.row}`).value = fill[r.indicatorId] ?? 10;
  });
  const preview = await previewImport(ws, [{ name: form!.fileName, bytes }]);
  const refs = exclude.map((id) => preview.files[0]!.cells.find((c) => c.indicatorId === id)!.ref);
  await applyImport(ws, preview, { exclude: new Set(refs.map((r) => excludeKey(form!.fileName, r))) });
  return { fileName: form!.fileName, preview };
}

const row = async (region: string) => (await returnsOverview(ws, '2023-09')).find((r) => r.region === region)!;

describe('district returns', () => {
  it('is not 已报齐 while a cell of the last return was refused, though an older figure is stored', async () => {
    expect(await row('德清')).toMatchObject({ status: 'missing', workflow: '待报' });
    await returnDeqing({});
    expect(await row('德清')).toMatchObject({ status: 'returned', workflow: '已报', notAccepted: [] });
    await returnDeqing({ [GROWTH]: 'abc', [DIGITAL]: 11.5 });
    const deqing = await row('德清');
    expect(deqing).toMatchObject({
      status: 'partial',
      workflow: '已报',
      missingIndicators: [],
      notAccepted: ['规上工业增加值增长（D7未通过检查）'],
      reporter: { name: '王芳', phone: '0572-8012345' },
    });
    // The clerk types the corrected figure after the call: now it is 报齐.
    await ws.setFigures('2023-09', [{ systemId: REGIONAL, indicatorId: GROWTH, region: '德清', value: 7.1 }], {
      kind: 'entry',
    });
    expect((await row('德清')).status).toBe('returned');
  });

  it('counts a row left out of the import (不导入) as not accepted', async () => {
    await returnDeqing({});
    await returnDeqing({ [GROWTH]: 7.3, [DIGITAL]: 11.5 }, [DIGITAL]);
    expect(await row('德清')).toMatchObject({
      status: 'partial',
      notAccepted: ['数字经济核心产业制造业增加值增速（D9未导入）'],
    });
    const stored = (await ws.figures.get('2023-09')).figures[REGIONAL]?.[DIGITAL]?.['德清'];
    expect(stored?.v).toBe(10);
  });

  it('keeps the 填报人 and 联系电话 of the form in the provenance of an imported figure', async () => {
    const { fileName } = await returnDeqing({ [GROWTH]: 7.3 });
    const prov = await provenanceOf(ws, `fig:2023-09/${REGIONAL}/${GROWTH}/德清`);
    expect(prov.record).toMatchObject({ v: 7.3, by: '李科员', origin: { kind: 'import', file: fileName } });
    expect(prov.reporter).toEqual({ name: '王芳', phone: '0572-8012345', file: fileName });
  });

  it('退回 with a reason that goes into the 催报 text; 通过 only when 已报齐; both audited and kept', async () => {
    await returnDeqing({});
    await returnDeqing({ [GROWTH]: 'abc' });
    const refused = await setReturnStatus(ws, '2023-09', '德清', '通过').then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toBe(
      '德清2023年1—9月尚未报齐（规上工业增加值增长（D7未通过检查）），不能通过。请补齐，或退回让区县更正后重新报送。',
    );
    const shortReason = await setReturnStatus(ws, '2023-09', '德清', '退回', '错').catch((e: unknown) => e);
    expect((shortReason as AppError).message).toBe('请写明退回的原因（至少 2 个字），它会写进催报文字');

    const list = await setReturnStatus(ws, '2023-09', '德清', '退回', 'D7 增速填成了文字，请填数字');
    expect(list.find((r) => r.region === '德清')).toMatchObject({
      workflow: '退回',
      reason: 'D7 增速填成了文字，请填数字',
      decided: { by: '李科员' },
    });
    expect(list.find((r) => r.region === '德清')?.notAccepted).toEqual(['规上工业增加值增长（D7未通过检查）']);

    // A corrected form comes back: 已报 again, then 通过.
    await returnDeqing({ [GROWTH]: 7.3 });
    expect(await row('德清')).toMatchObject({ status: 'returned', workflow: '已报' });
    await setReturnStatus(ws, '2023-09', '德清', '通过');
    expect((await row('德清')).workflow).toBe('通过');

    const file = JSON.parse(await readFile(join(ws.dir, 'returns', '2023', '2023-09.json'), 'utf8')) as {
      regions: Record<string, { history: { status: string }[]; imports: unknown[] }>;
    };
    expect(file.regions['德清']?.history.map((h) => h.status)).toEqual(['已报', '已报', '退回', '已报', '通过']);
    expect(file.regions['德清']?.imports).toHaveLength(3);
    const audit = (await ws.auditLog()).filter((a) => a.action === 'returns.update').map((a) => a.summary);
    expect(audit).toContain('2023年1—9月 德清：退回（原因：D7 增速填成了文字，请填数字）');
    expect(audit).toContain('2023年1—9月 德清：通过');
  });

  it('refuses a district the workspace does not have', async () => {
    const err = await setReturnStatus(ws, '2023-09', '海宁', '通过').catch((e: unknown) => e);
    expect((err as AppError).message).toContain('“海宁”不是本工作区的区县');
  });
});
