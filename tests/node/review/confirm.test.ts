import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parsePeriod } from '../../../src/shared/domain/periods';
import { exportDocuments } from '../../../src/main/services/reports/export-service';
import { provenanceOf } from '../../../src/main/services/reports/provenance';
import {
  applyFix,
  assertNoOpenErrors,
  confirmFinding,
  reviewPeriod,
} from '../../../src/main/services/review/review-service';
import { Workspace } from '../../../src/main/services/storage/workspace';
import { AppError } from '../../../src/shared/errors';
import { context } from '../../support/workspace';
import { CITY_TARGETS, districts, MILESTONES, put, REGIONAL, reviewWorkspace } from './helpers';

const GROWTH = 'industrial-value-added-growth';
const FIRMS = 'inefficient-firms-rectified';
let ws: Workspace;
let dir: string;
beforeEach(async () => {
  ({ ws, dir } = await reviewWorkspace());
});
afterEach(() => ws.close());

async function keyOf(period: string, code: string): Promise<string> {
  const item = (await reviewPeriod(ws, period)).items.find((i) => i.code === code);
  if (!item) throw new Error(`no ${code}`);
  return item.key;
}

async function rejects(work: Promise<unknown>): Promise<AppError> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe('confirming a finding with a 说明', () => {
  it('keeps the 说明 with the figure, audits it, shows it in provenance, and lapses when the figure changes', async () => {
    await put(ws, '2023-09', REGIONAL, GROWTH, { 吴兴: 1234.5 });
    const before = await reviewPeriod(ws, '2023-09');
    expect(before.counts).toEqual({ errors: 1, openErrors: 1, hints: 0, openHints: 0 });

    const after = await confirmFinding(
      ws,
      '2023-09',
      await keyOf('2023-09', 'SH04'),
      '  吴兴新投产龙头企业，基数小，经区统计局核实无误 ',
    );
    expect(after.counts).toEqual({ errors: 1, openErrors: 0, hints: 0, openHints: 0 });
    expect(after.items[0]?.confirmation).toMatchObject({
      note: '吴兴新投产龙头企业，基数小，经区统计局核实无误',
      by: '审核测试员',
    });

    const file = JSON.parse(await readFile(join(dir, 'review', '2023', '2023-09.json'), 'utf8')) as {
      confirmations: { note: string; fingerprint: string; cell: { region: string } }[];
    };
    expect(file.confirmations).toHaveLength(1);
    expect(file.confirmations[0]).toMatchObject({ fingerprint: '1234.5', cell: { region: '吴兴' } });
    const audit = await ws.auditLog();
    expect(audit.find((a) => a.action === 'review.confirm')?.summary).toBe(
      '确认审核错误 SH04「增速不超过±100%」：《主要指标各区县任务分解表》“规上工业增加值增长”吴兴（2023-09），说明：吴兴新投产龙头企业，基数小，经区统计局核实无误',
    );

    const ref = `fig:2023-09/${REGIONAL}/${GROWTH}/吴兴`;
    expect((await provenanceOf(ws, ref)).review).toMatchObject([
      { code: 'SH04', level: '错误', note: '吴兴新投产龙头企业，基数小，经区统计局核实无误', current: true },
    ]);

    // Another value was not what the clerk confirmed.
    await put(ws, '2023-09', REGIONAL, GROWTH, { 吴兴: 1300 });
    const changed = await reviewPeriod(ws, '2023-09');
    expect(changed.counts.openErrors).toBe(1);
    expect(changed.items[0]?.confirmation).toBeUndefined();
    expect(changed.items[0]?.lapsed?.note).toBe('吴兴新投产龙头企业，基数小，经区统计局核实无误');
    expect((await provenanceOf(ws, ref)).review[0]?.current).toBe(false);
  });

  it('refuses an empty 说明, a finding that is gone, and a read-only workspace, changing nothing', async () => {
    await put(ws, '2023-09', REGIONAL, GROWTH, { 吴兴: 1234.5 });
    const key = await keyOf('2023-09', 'SH04');
    expect((await rejects(confirmFinding(ws, '2023-09', key, ' 好 '))).message).toBe(
      '请填写说明（至少 2 个字），写明核实的结果或原因',
    );
    await put(ws, '2023-09', REGIONAL, GROWTH, { 吴兴: 12.3 });
    const gone = await rejects(confirmFinding(ws, '2023-09', key, '已核实无误'));
    expect(gone.code).toBe('NOT_FOUND');
    expect(gone.message).toContain('请刷新审核结果');
    await put(ws, '2023-09', REGIONAL, GROWTH, { 吴兴: 1234.5 });
    await ws.close();
    const reader = await Workspace.open(dir, await context('只读者'), { readOnly: true });
    expect((await rejects(confirmFinding(reader, '2023-09', key, '已核实无误'))).code).toBe('READ_ONLY');
    await reader.close();
    ws = await Workspace.open(dir, await context());
    expect((await reviewPeriod(ws, '2023-09')).counts.openErrors).toBe(1);
  });

  it('reports a damaged confirmations file by name and does not overwrite it', async () => {
    await put(ws, '2023-09', REGIONAL, GROWTH, { 吴兴: 1234.5 });
    await confirmFinding(ws, '2023-09', await keyOf('2023-09', 'SH04'), '已核实无误');
    const path = join(dir, 'review', '2023', '2023-09.json');
    await writeFile(path, '{"formatVersion":1,"period":"2023-09","confirmations":[{', 'utf8');
    const err = await rejects(reviewPeriod(ws, '2023-09'));
    expect(err.code).toBe('INVALID_FILE');
    expect(err.message).toContain('review/2023/2023-09.json 已损坏');
    expect(await readFile(path, 'utf8')).toBe('{"formatVersion":1,"period":"2023-09","confirmations":[{');
  });
});

describe('one-click fixes, recorded as computed', () => {
  it('takes the districts’ sum into an empty 全市, and provenance says how it was computed', async () => {
    await put(ws, '2023Q3', REGIONAL, FIRMS, districts([150, 120, 180, 200, 130, 100]));
    const { report, saved } = await applyFix(ws, '2023-09', await keyOf('2023-09', 'SH02'));
    expect(saved.changed).toBe(1);
    // The district table is settled; the target table's twin 全市 is now the one left empty.
    expect(report.items.filter((i) => i.cell.indicatorId === FIRMS).map((i) => `${i.code} ${i.cell.systemId}`)).toEqual(
      [`SH09 ${CITY_TARGETS}`],
    );
    const prov = await provenanceOf(ws, `fig:2023Q3/${REGIONAL}/${FIRMS}/全市`);
    expect(prov.record?.v).toBe(880);
    expect(prov.record?.origin).toEqual({
      kind: 'computed',
      rule: 'city-sum-blank',
      detail: '由各区县合计：吴兴 150 + 南浔 120 + 德清 180 + 长兴 200 + 安吉 130 + 南太湖新区 100 = 880家',
    });
    expect(prov.history[0]?.origin.kind).toBe('computed');
  });

  it('copies the twin’s 全市 (照填) and refuses a finding with nothing to fill', async () => {
    await put(ws, '2023Q3', CITY_TARGETS, 'start-rate-projects-3bn-2y', { 全市: 73.9 });
    await applyFix(ws, '2023Q3', await keyOf('2023Q3', 'SH09'));
    const view = await ws.figures.get('2023Q3');
    expect(view.figures[MILESTONES]?.['start-rate-projects-3bn-2y']?.['全市']?.v).toBe(73.9);
    await put(ws, '2023-09', REGIONAL, GROWTH, { 吴兴: 1234.5 });
    expect((await rejects(applyFix(ws, '2023-09', await keyOf('2023-09', 'SH04')))).message).toBe(
      '这条审核结果（增速不超过±100%）没有可自动填入的数。',
    );
  });
});

describe('错误 blocks the export until confirmed; 提示 does not', () => {
  it('refuses to export with an open error, naming it, and exports once it is confirmed', async () => {
    await put(ws, '2023-09', REGIONAL, GROWTH, districts([7.9, 6.2, 7.2, 7.2, 5.1, 6.8], 8.5)); // SH03 提示 only
    await put(ws, '2023Q3', REGIONAL, FIRMS, { 全市: 937 });
    await put(ws, '2023Q3', CITY_TARGETS, FIRMS, { 全市: 786 });
    const request = {
      period: parsePeriod('2023-09'),
      periodKey: '2023-09',
      kind: '简报' as const,
      issueDate: new Date('2023-10-12T09:00:00+08:00'),
      parts: ['xlsx' as const],
    };
    const err = await rejects(exportDocuments(ws, request));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe(
      '2023年1—9月有 1 条审核错误尚未处理（SH08「同一数据在两个体系中一致」整治提升高耗低效企业全市），文稿和排名表暂不能导出。请在“审核”页改正有关的数，或核实后填写说明确认。',
    );
    await confirmFinding(
      ws,
      '2023-09',
      await keyOf('2023-09', 'SH08'),
      '目标体系表为经信局口径，分解表为区县口径，已报专班确认',
    );
    const report = await assertNoOpenErrors(ws, '2023-09');
    // SH03 (全市 above every district) and SH09 (the target table's 全市 growth not yet filled) remain, as hints.
    expect(report.counts).toMatchObject({ openErrors: 0, openHints: 2 });
    const result = await exportDocuments(ws, request);
    expect(result.files.map((f) => f.name)).toEqual(['2023年1—9月各区县主要指标亮晒表.xlsx']);
  });
});
