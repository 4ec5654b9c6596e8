import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHandlers } from '../../../src/main/handlers';
import type { CallContext } from '../../../src/main/hosts/dispatch';
import { createServices } from '../../../src/main/services/container';
import { keysNeeded } from '../../../src/main/services/reports/figure-loader';
import { parsePeriod } from '../../../src/shared/domain/periods';
import { callThrough } from '../../support/contract';
import { PROJECT_ROOT } from '../../support/project';
import { tempDir } from '../../support/workspace';

const services = createServices({
  appRoot: PROJECT_ROOT,
  appVersion: 'test',
  userName: '王科员',
  appDataDir: tempDir('zjb-appdata-'),
  documentsDir: tempDir('zjb-docs-'),
});
const handlers = createHandlers(services);
const ctx: CallContext = { host: 'http', emit: () => {} };

const call = callThrough(handlers, ctx);

beforeAll(async () => {
  await call('workspace.openSample', {});
});

describe('report calls on the sample workspace', () => {
  it('previews the drafted briefing with its warnings', async () => {
    const { model, warnings } = await call('report.preview', { period: '2023-09', kind: '简报' });
    expect(model.title).toBe('2023年1—9月先进制造业集群培育工程\n主要指标运行情况');
    expect(model.sample).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('renders a rankings chart as the PNG the briefing prints, and names a chart that is not there', async () => {
    const view = await call('report.rankings', { period: '2023-09' });
    const chart = view.charts[0]!;
    const image = await call('report.chartImage', { period: '2023-09', chartId: chart.id });
    const png = Buffer.from(image.base64, 'base64');
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([image.width, image.height]);
    expect(image.fileName).toBe(`2023年1—9月${chart.title}（示例数据）.png`);
    await expect(call('report.chartImage', { period: '2023-09', chartId: 'no-such-chart' })).rejects.toThrow(
      '2023年1—9月没有这张图表，请刷新页面后再试。',
    );
  });

  it('warns when an edited paragraph states a number that no longer matches', async () => {
    const id = 'overall/speed/1';
    await call('briefing.saveEdits', {
      period: '2023-09',
      kind: '简报',
      edits: { paragraphs: { [id]: '1—9月，全市规上工业增加值同比增长9.9%。' } },
    });
    const { warnings } = await call('report.preview', { period: '2023-09', kind: '简报' });
    expect(warnings.some((w) => w.includes('应为 8.4') && w.includes('与当前数据不符'))).toBe(true);
    const saved = await call('briefing.getEdits', {
      period: '2023-09',
      kind: '简报',
    });
    expect(saved?.paragraphs[id]).toContain('9.9%');
    await call('briefing.saveEdits', { period: '2023-09', kind: '简报', edits: { paragraphs: {} } });
  });

  it('moves the issue number only when the briefing is marked issued, and records it', async () => {
    const before = await call('settings.get', {});
    const year = String(new Date().getFullYear());
    const first = before.documents.issueCounters[year] ?? 1;
    await call('report.preview', { period: '2023-09', kind: '简报' });
    expect((await call('settings.get', {})).documents.issueCounters[year] ?? 1).toBe(first);
    const { document } = await call('briefing.issue', {
      period: '2023-09',
      kind: '简报',
    });
    expect(document).toMatchObject({ number: first, issuedBy: '王科员', kind: '简报', period: '2023-09' });
    const after = await call('settings.get', {});
    expect(after.documents.issueCounters[year]).toBe(first + 1);
    expect((await call('issued.list', {})).documents.map((d) => d.id)).toEqual([`简报-${year}-${first}`]);
    const audit = await call('audit.list', {});
    expect(audit.find((a) => a.action === 'register.issue')?.summary).toContain(`签发简报第${first}期`);
  });

  it('numbers a 通报 from its own 文号 counter, leaving the 简报 期号 alone', async () => {
    const year = String(new Date().getFullYear());
    const before = await call('settings.get', {});
    const notice = before.documents.noticeCounters[year] ?? 1;
    const { model } = await call('report.preview', { period: '2023-09', kind: '通报' });
    expect(model.meta.documentNumber).toBe(`湖制造专班〔${year}〕${notice}号`);
    const { document } = await call('briefing.issue', { period: '2023-09', kind: '通报' });
    expect(document).toMatchObject({ number: notice, kind: '通报', label: `湖制造专班〔${year}〕${notice}号` });
    const after = await call('settings.get', {});
    expect(after.documents.noticeCounters[year]).toBe(notice + 1);
    expect(after.documents.issueCounters[year]).toBe(before.documents.issueCounters[year]);
  });

  it('updates settings with validation and keeps the file readable', async () => {
    const updated = await call('settings.update', {
      patch: {
        documents: {
          copies: 45,
          distribution: { bao: ['市委、市政府领导'], song: ['市级有关部门'], fa: ['各区县人民政府'] },
        },
      },
    });
    expect(updated.documents.copies).toBe(45);
    const info = await call('workspace.info', {});
    expect(JSON.parse(readFileSync(join(info.dir, 'workspace.json'), 'utf8')).documents.copies).toBe(45);
    await expect(call('settings.update', { patch: { documents: { copies: 0 } } })).rejects.toThrow('印数至少为 1 份');
  });

  it('traces a number in a table back to the entry it came from', async () => {
    const view = await call('report.rankings', { period: '2023-09' });
    const wuxing = view.ranking.rows.find((r) => r.key === '吴兴');
    const cell = wuxing?.cells.find((c) => c.ref?.startsWith('fig:'));
    expect(cell?.ref).toMatch(/^fig:2023-09\/hz-mfg-cluster-regional-2023\/industrial-value-added-growth\/吴兴$/);
    const provenance = await call('figures.provenance', { ref: cell?.ref ?? '' });
    expect(provenance.indicatorName).toBe('规上工业增加值增长');
    expect(String(provenance.record?.v)).toBe(cell?.text);
    expect(provenance.record?.origin.kind).toBe('sample');
    expect(provenance.history).toHaveLength(1);
  });

  it('builds the rankings from one computation: each period file is read once', async () => {
    const ws = services.session.require();
    const reads = vi.spyOn(ws.figures, 'get');
    try {
      const view = await call('report.rankings', { period: '2023-09' });
      const frequencies = new Set(ws.systemList().flatMap((s) => s.indicators.map((i) => i.frequency)));
      const needed = keysNeeded(parsePeriod('2023-09'), frequencies);
      expect(reads.mock.calls.map(([key]) => key).sort()).toEqual([...needed].sort());
      expect(view.charts.length).toBeGreaterThan(0);
      expect(view.charts.map((c) => c.id)).toEqual([...new Set(view.charts.map((c) => c.id))]);
      expect(view.timeProgress?.percent).toBeCloseTo(75, 5);
    } finally {
      reads.mockRestore();
    }
  });

  it('checks the official fonts and says what is used instead', async () => {
    const fonts = await call('fonts.check', {});
    expect(fonts.map((f) => f.family)).toEqual([
      '仿宋_GB2312',
      '方正小标宋简体',
      '黑体',
      '楷体_GB2312',
      '宋体',
      'Times New Roman',
    ]);
    for (const f of fonts) if (!f.installed) expect(f.substitute).toBeTruthy();
  });
});

describe('exporting documents as a job', () => {
  it('writes the .docx and .xlsx into exports/, checks the .docx and offers downloads in the browser host', async () => {
    const progress: { state: string; done: number; total: number; label: string }[] = [];
    const unsubscribe = services.events.subscribe((event, payload) => {
      if (event === 'job.progress') progress.push(payload as (typeof progress)[number]);
    });
    const { jobId } = await call('documents.export', {
      period: '2023-09',
      kind: '简报',
      parts: ['docx', 'xlsx'],
    });
    const result = await call('documents.result', { jobId });
    unsubscribe();
    expect(result.files.map((f) => f.name)).toEqual([
      expect.stringMatching(/^2023年1—9月简报（第\d+期）（示例数据）\.docx$/),
      '2023年1—9月各区县主要指标亮晒表（示例数据）.xlsx',
    ]);
    expect(result.files.every((f) => f.relativePath.startsWith('exports/2023-09/') && f.downloadId)).toBe(true);
    expect(result.checks.length).toBeGreaterThan(20);
    expect(result.checks.every((c) => c.pass)).toBe(true);
    expect(progress.at(-1)?.state).toBe('done');
    // The clerk is told which period was written, not only that a briefing was.
    expect(new Set(progress.map((p) => p.label))).toEqual(new Set(['导出2023年9月简报']));
    expect(progress.some((p) => p.state === 'running' && p.done > 0)).toBe(true);
    const download = services.downloads.get(result.files[0]?.downloadId ?? '');
    expect(download?.body.subarray(0, 2).toString()).toBe('PK');
  });

  it('cancels a running export', async () => {
    const { jobId } = await call('documents.export', {
      period: '2023-09',
      kind: '简报',
      parts: ['docx'],
    });
    expect(await call('jobs.cancel', { jobId })).toBe(true);
    await expect(call('documents.result', { jobId })).rejects.toThrow('CANCELLED');
  });

  it('refuses to reveal a path outside exports/', async () => {
    await expect(call('documents.reveal', { relativePath: '../../etc/passwd' })).rejects.toThrow('FORBIDDEN');
  });
});
