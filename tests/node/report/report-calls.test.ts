import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHandlers } from '../../../src/main/handlers';
import { dispatch, type CallContext } from '../../../src/main/hosts/dispatch';
import { createServices } from '../../../src/main/services/container';
import type { CallName } from '../../../src/shared/contract';
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

/** Calls through the real dispatcher (schema parsing included), as a host would. */
async function call<T>(name: CallName, input: unknown): Promise<T> {
  const result = await dispatch(handlers, name, input, ctx);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  await call('workspace.openSample', {});
});

describe('report calls on the sample workspace', () => {
  it('previews the drafted briefing with its warnings', async () => {
    const { model, warnings } = await call<{ model: { title: string; sample: boolean }; warnings: string[] }>(
      'report.preview',
      { period: '2023-09', kind: '简报' },
    );
    expect(model.title).toBe('2023年1—9月先进制造业集群培育工程\n主要指标运行情况');
    expect(model.sample).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('warns when an edited paragraph states a number that no longer matches', async () => {
    const id = 'overall/speed/1';
    await call('briefing.saveEdits', {
      period: '2023-09',
      kind: '简报',
      edits: { paragraphs: { [id]: '1—9月，全市规上工业增加值同比增长9.9%。' } },
    });
    const { warnings } = await call<{ warnings: string[] }>('report.preview', { period: '2023-09', kind: '简报' });
    expect(warnings.some((w) => w.includes('应为 8.4') && w.includes('与当前数据不符'))).toBe(true);
    const saved = await call<{ paragraphs: Record<string, string> }>('briefing.getEdits', {
      period: '2023-09',
      kind: '简报',
    });
    expect(saved.paragraphs[id]).toContain('9.9%');
    await call('briefing.saveEdits', { period: '2023-09', kind: '简报', edits: { paragraphs: {} } });
  });

  it('moves the issue number only when the briefing is marked issued, and records it', async () => {
    const before = await call<{ documents: { issueCounters: Record<string, number> } }>('settings.get', {});
    const year = String(new Date().getFullYear());
    const first = before.documents.issueCounters[year] ?? 1;
    await call('report.preview', { period: '2023-09', kind: '简报' });
    expect((await call<typeof before>('settings.get', {})).documents.issueCounters[year] ?? 1).toBe(first);
    const record = await call<{ number: number; issuedBy: string; title: string }>('briefing.issue', {
      period: '2023-09',
      kind: '简报',
    });
    expect(record).toMatchObject({ number: first, issuedBy: '王科员' });
    const after = await call<{ documents: { issueCounters: Record<string, number>; issued: unknown[] } }>(
      'settings.get',
      {},
    );
    expect(after.documents.issueCounters[year]).toBe(first + 1);
    expect(after.documents.issued).toHaveLength(1);
    const audit = await call<{ action: string; summary: string }[]>('audit.list', {});
    expect(audit.find((a) => a.action === 'briefing.issue')?.summary).toContain(`签发简报${year}年第${first}期`);
  });

  it('numbers a 通报 from its own 文号 counter, leaving the 简报 期号 alone', async () => {
    type Docs = { documents: { issueCounters: Record<string, number>; noticeCounters: Record<string, number> } };
    const year = String(new Date().getFullYear());
    const before = await call<Docs>('settings.get', {});
    const notice = before.documents.noticeCounters[year] ?? 1;
    const { model } = await call<{ model: { meta: { documentNumber: string } } }>('report.preview', {
      period: '2023-09',
      kind: '通报',
    });
    expect(model.meta.documentNumber).toBe(`湖制造专班〔${year}〕${notice}号`);
    const record = await call<{ number: number; kind: string }>('briefing.issue', { period: '2023-09', kind: '通报' });
    expect(record).toMatchObject({ number: notice, kind: '通报' });
    const after = await call<Docs>('settings.get', {});
    expect(after.documents.noticeCounters[year]).toBe(notice + 1);
    expect(after.documents.issueCounters[year]).toBe(before.documents.issueCounters[year]);
  });

  it('updates settings with validation and keeps the file readable', async () => {
    const updated = await call<{ documents: { copies: number; distribution: { bao: string[] } } }>('settings.update', {
      patch: {
        documents: {
          copies: 45,
          distribution: { bao: ['市委、市政府领导'], song: ['市级有关部门'], fa: ['各区县人民政府'] },
        },
      },
    });
    expect(updated.documents.copies).toBe(45);
    const info = await call<{ dir: string }>('workspace.info', {});
    expect(JSON.parse(readFileSync(join(info.dir, 'workspace.json'), 'utf8')).documents.copies).toBe(45);
    await expect(call('settings.update', { patch: { documents: { copies: 0 } } })).rejects.toThrow('印数至少为 1 份');
  });

  it('traces a number in a table back to the entry it came from', async () => {
    const view = await call<{ ranking: { rows: { key: string; cells: { ref?: string; text: string }[] }[] } }>(
      'report.rankings',
      { period: '2023-09' },
    );
    const wuxing = view.ranking.rows.find((r) => r.key === '吴兴');
    const cell = wuxing?.cells.find((c) => c.ref?.startsWith('fig:'));
    expect(cell?.ref).toMatch(/^fig:2023-09\/hz-mfg-cluster-regional-2023\/industrial-value-added-growth\/吴兴$/);
    const provenance = await call<{
      record: { v: number; origin: { kind: string } };
      history: unknown[];
      indicatorName: string;
    }>('figures.provenance', { ref: cell?.ref });
    expect(provenance.indicatorName).toBe('规上工业增加值增长');
    expect(String(provenance.record.v)).toBe(cell?.text);
    expect(provenance.record.origin.kind).toBe('sample');
    expect(provenance.history).toHaveLength(1);
  });

  it('checks the official fonts and says what is used instead', async () => {
    const fonts = await call<{ family: string; installed: boolean; substitute?: string }[]>('fonts.check', {});
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
    const progress: { state: string; done: number; total: number }[] = [];
    const unsubscribe = services.events.subscribe((event, payload) => {
      if (event === 'job.progress') progress.push(payload as { state: string; done: number; total: number });
    });
    const { jobId } = await call<{ jobId: string }>('documents.export', {
      period: '2023-09',
      kind: '简报',
      parts: ['docx', 'xlsx'],
    });
    const result = await call<{
      files: { name: string; relativePath: string; downloadId?: string }[];
      checks: { pass: boolean }[];
    }>('documents.result', { jobId });
    unsubscribe();
    expect(result.files.map((f) => f.name)).toEqual([
      expect.stringMatching(/^2023年1—9月简报（第\d+期）（示例数据）\.docx$/),
      '2023年1—9月各区县主要指标亮晒表（示例数据）.xlsx',
    ]);
    expect(result.files.every((f) => f.relativePath.startsWith('exports/2023-09/') && f.downloadId)).toBe(true);
    expect(result.checks.length).toBeGreaterThan(20);
    expect(result.checks.every((c) => c.pass)).toBe(true);
    expect(progress.at(-1)?.state).toBe('done');
    expect(progress.some((p) => p.state === 'running' && p.done > 0)).toBe(true);
    const download = services.downloads.get(result.files[0]?.downloadId ?? '');
    expect(download?.body.subarray(0, 2).toString()).toBe('PK');
  });

  it('cancels a running export', async () => {
    const { jobId } = await call<{ jobId: string }>('documents.export', {
      period: '2023-09',
      kind: '简报',
      parts: ['docx'],
    });
    expect(await call<boolean>('jobs.cancel', { jobId })).toBe(true);
    await expect(call('documents.result', { jobId })).rejects.toThrow('CANCELLED');
  });

  it('refuses to reveal a path outside exports/', async () => {
    await expect(call('documents.reveal', { relativePath: '../../etc/passwd' })).rejects.toThrow('FORBIDDEN');
  });
});
