import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Workspace } from '../src/main/services/storage/workspace';
import { TemplatesService } from '../src/main/services/systems/templates-service';
import { applyFiguresTable, previewFiguresTable } from '../src/main/services/table-import/figures-import';
import { previewSystemTable } from '../src/main/services/table-import/system-import';

const DISTRICTS = ['吴兴', '南浔', '德清', '长兴', '安吉', '南太湖新区', '全市'];

async function book(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function heapMb(): number {
  return process.memoryUsage().heapUsed / 1048576;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; heapMb: number; result: T }> {
  global.gc?.();
  const heap = heapMb();
  const t0 = performance.now();
  const result = await work();
  return { ms: performance.now() - t0, heapMb: heapMb() - heap, result };
}

/**
 * 从表格新建 and 导入历史数据 on tables larger than offices send: an 83-row 目标体系表 with district columns,
 * a 10,000-row sheet (refused), a wide sheet of 12 monthly blocks × 83 indicators × 7 regions, and a long
 * sheet of 10,000 rows. Building the workbooks is not timed.
 */
export async function benchTableImport() {
  const templates = new TemplatesService(join(__dirname, '..', 'templates'));
  const registries = await templates.registries();
  const targets = await templates.get('hz-mfg-cluster-targets-2023');
  const dir = join(mkdtempSync(join(tmpdir(), 'zjb-bench-table-')), 'ws');
  const ws = await Workspace.create(
    dir,
    { name: '基准测试', city: '湖州', systems: [targets] },
    { userName: '基准测试', app: 'cli', now: () => new Date(), registries },
  );
  const names = targets.indicators.map((i) => i.name);
  try {
    const system83 = await book((wb) => {
      const s = wb.addWorksheet('目标体系表');
      s.addRow(['序号', '类别', '指标名称', '单位', '2026年目标', ...DISTRICTS, '责任单位']);
      names.forEach((n, i) =>
        s.addRow([
          i + 1,
          `类别${Math.floor(i / 10)}`,
          `${n}${i}`,
          '亿元',
          100 + i,
          ...DISTRICTS.map((_, j) => 10 + j),
          '市经信局',
        ]),
      );
    });
    const rows10k = await book((wb) => {
      const s = wb.addWorksheet('大表');
      s.addRow(['指标名称', '单位', '2026年']);
      for (let i = 1; i < 10_000; i++) s.addRow([`指标${i}`, '亿元', i]);
    });
    const wide = await book((wb) => {
      const s = wb.addWorksheet('2025年');
      for (let m = 1; m <= 12; m++) {
        s.addRow([`2025年1—${m}月主要指标完成情况`]);
        s.addRow(['指标名称', ...DISTRICTS]);
        for (const ind of targets.indicators)
          s.addRow([ind.name, ...DISTRICTS.map((_, j) => (ind.kind === 'count' ? 10 + j : 10.5 + j))]);
        s.addRow([]);
      }
    });
    const long = await book((wb) => {
      const s = wb.addWorksheet('数据');
      s.addRow(['期别', '指标', '地区', '数值']);
      let n = 0;
      for (let m = 1; m <= 12 && n < 10_000; m++)
        for (const ind of targets.indicators)
          for (const [j, r] of DISTRICTS.entries())
            if (n++ < 10_000) s.addRow([`2024年1—${m}月`, ind.name, r, ind.kind === 'count' ? 5 + j : 5.5 + j]);
    });
    const deps = { registries, now: new Date() };
    const cold = await timed(() =>
      previewSystemTable(ws, { source: { kind: 'file', name: 'a.xlsx', bytes: system83 }, options: {} }, deps),
    );
    const sys = await timed(() =>
      previewSystemTable(ws, { source: { kind: 'file', name: 'a.xlsx', bytes: system83 }, options: {} }, deps),
    );
    const big = await timed(() =>
      previewSystemTable(ws, { source: { kind: 'file', name: 'b.xlsx', bytes: rows10k }, options: {} }, deps),
    );
    const widePreview = await timed(() =>
      previewFiguresTable(ws, { source: { kind: 'file', name: 'w.xlsx', bytes: wide }, options: {} }, registries),
    );
    const wideApply = await timed(() =>
      applyFiguresTable(
        ws,
        { source: { kind: 'file', name: 'w.xlsx', bytes: wide }, options: {} },
        { digest: widePreview.result.digest, basis: widePreview.result.basis },
        registries,
      ),
    );
    const longPreview = await timed(() =>
      previewFiguresTable(ws, { source: { kind: 'file', name: 'l.xlsx', bytes: long }, options: {} }, registries),
    );
    return {
      coldFirstPreviewMs: cold.ms,
      systemTable83Rows: { ms: sys.ms, heapMb: sys.heapMb, rows: sys.result.counts.rows, kb: system83.length / 1024 },
      refused10000Rows: { ms: big.ms, heapMb: big.heapMb, kb: rows10k.length / 1024 },
      wide12Blocks: {
        previewMs: widePreview.ms,
        applyMs: wideApply.ms,
        heapMb: widePreview.heapMb,
        figures: widePreview.result.totals.changed,
        rejected: widePreview.result.totals.rejected,
        kb: wide.length / 1024,
      },
      long10000Rows: {
        previewMs: longPreview.ms,
        heapMb: longPreview.heapMb,
        figures: longPreview.result.totals.changed,
        kb: long.length / 1024,
      },
    };
  } finally {
    await ws.close();
  }
}

if (require.main === module) void benchTableImport().then((r) => console.log(JSON.stringify(r, null, 2)));
