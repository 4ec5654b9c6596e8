import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { issueDocument } from '../../../src/main/services/register/issue-document';
import { listIssued, readIssuedFile } from '../../../src/main/services/register/register-files';
import { reportPreview } from '../../../src/main/services/reports/report-views';
import { updateSettings } from '../../../src/main/services/settings/settings-update';
import type { Workspace } from '../../../src/main/services/storage/workspace';
import { AppError } from '../../../src/shared/errors';
import { REGIONAL, sampleWorkspace } from '../import/helpers';
import { tempDir } from '../../support/workspace';

let ws: Workspace;
beforeEach(async () => {
  ws = await sampleWorkspace(20230930, '张晓明');
});
afterEach(() => ws.close());

async function failure(work: Promise<unknown>): Promise<AppError> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

function docxText(bytes: Buffer): string {
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);
  return xml.replace(/<[^>]+>/g, '');
}

describe('签发 freezes what was issued', () => {
  it('writes the exact .docx, .xlsx and edits with SHA-256 and the data revisions, then moves the counter', async () => {
    const { document } = await issueDocument(ws, { period: '2023-09', kind: '简报', date: '2023-10-12' });
    expect(document).toMatchObject({
      id: '简报-2023-8',
      kind: '简报',
      year: '2023',
      number: 8,
      total: 31,
      label: '第8期（总第31期）',
      period: '2023-09',
      periodTitle: '2023年1—9月',
      issueDate: '2023-10-12',
      issuedBy: '张晓明',
      sample: true,
    });
    expect(document.files.map((f) => [f.role, f.path])).toEqual([
      ['docx', 'issued/2023/简报-2023-8/2023年1—9月简报（第8期）（示例数据）.docx'],
      ['xlsx', 'issued/2023/简报-2023-8/2023年1—9月各区县主要指标亮晒表（示例数据）.xlsx'],
      ['edits', 'issued/2023/简报-2023-8/签发时的文稿修改.json'],
    ]);
    for (const f of document.files) {
      const bytes = await readFile(join(ws.dir, ...f.path.split('/')));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
      expect(bytes.length).toBe(f.bytes);
    }
    const docx = await readFile(join(ws.dir, ...document.files[0]!.path.split('/')));
    expect(docxText(docx)).toContain('第8期');
    expect(docxText(docx)).toContain('2023年10月12日');
    expect(document.data['2023-09']).toBe((await ws.figures.get('2023-09')).revision);
    expect(document.data['2023Q3']).toBe((await ws.figures.get('2023Q3')).revision);

    expect(ws.settings.documents.issueCounters['2023']).toBe(9);
    expect(ws.settings.documents.totalIssueNext).toBe(32);
    const register = JSON.parse(await readFile(join(ws.dir, 'issued', 'register.json'), 'utf8')) as {
      documents: { id: string }[];
    };
    expect(register.documents.map((d) => d.id)).toEqual(['简报-2023-8']);
    const audit = await ws.auditLog();
    expect(audit.find((a) => a.action === 'register.issue')?.summary).toBe(
      '签发简报第8期（总第31期）（2023年1—9月）：2023年1—9月先进制造业集群培育工程\n主要指标运行情况',
    );
  });

  it('refuses a second 签发 of the period and kind, and keeps showing the issued number', async () => {
    await issueDocument(ws, { period: '2023-09', kind: '简报', date: '2023-10-12' });
    const again = await failure(issueDocument(ws, { period: '2023-09', kind: '简报' }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toBe(
      '2023年1—9月的简报已于2023年10月12日签发（第8期（总第31期），张晓明），不能再次签发。如需改动，请用“更正”并写明原因。',
    );
    const issued = await reportPreview(ws, {
      periodKey: '2023-09',
      kind: '简报',
      now: new Date('2023-11-20T10:00:00+08:00'),
    });
    expect(issued.model.meta).toMatchObject({ issueNumber: 8, totalIssueNumber: 31, dateText: '2023年10月12日' });
    const next = await reportPreview(ws, {
      periodKey: '2023-08',
      kind: '简报',
      now: new Date('2023-11-20T10:00:00+08:00'),
    });
    expect(next.model.meta).toMatchObject({ issueNumber: 9, totalIssueNumber: 32 });
  });

  it('更正: a corrected issue under the same number, labelled and explained, the counter untouched', async () => {
    await issueDocument(ws, { period: '2023-09', kind: '简报', date: '2023-10-12' });
    const noReason = await failure(issueDocument(ws, { period: '2023-09', kind: '简报', correct: { reason: ' ' } }));
    expect(noReason.message).toBe('请写明更正的原因（至少 2 个字），它会印在更正稿的更正说明中。');
    const { document } = await issueDocument(ws, {
      period: '2023-09',
      kind: '简报',
      date: '2023-10-16',
      correct: { reason: '德清规上工业增加值增速由7.2%更正为7.4%' },
    });
    expect(document).toMatchObject({
      id: '简报-2023-8-更正1',
      number: 8,
      total: 31,
      label: '第8期（总第31期）（更正）',
      correction: { of: '简报-2023-8', seq: 1, reason: '德清规上工业增加值增速由7.2%更正为7.4%' },
    });
    expect(document.title).toMatch(/（更正）$/);
    const text = docxText(await readFile(join(ws.dir, ...document.files[0]!.path.split('/'))));
    expect(text).toContain(
      '更正说明：德清规上工业增加值增速由7.2%更正为7.4%。本稿代替2023年10月12日签发的第8期（总第31期）。',
    );
    expect(document.files[0]?.name).toBe('2023年1—9月简报（第8期）（示例数据）（更正）.docx');
    expect(ws.settings.documents.issueCounters['2023']).toBe(9);
    expect((await ws.auditLog()).find((a) => a.action === 'register.correct')?.summary).toBe(
      '更正简报第8期（总第31期）（更正）（2023年1—9月）：德清规上工业增加值增速由7.2%更正为7.4%',
    );
    const preview = await reportPreview(ws, { periodKey: '2023-09', kind: '简报', now: new Date() });
    expect(preview.model.meta.dateText).toBe('2023年10月16日');
    expect(
      await failure(issueDocument(ws, { period: '2023-08', kind: '简报', correct: { reason: '更正' } })),
    ).toMatchObject({
      message: '2023年1—8月的简报还没有签发，无需更正；请直接签发。',
    });
  });

  it('numbers a 通报 from its own counter as 湖制造专班〔2023〕N号, not from the 简报’s', async () => {
    const { document } = await issueDocument(ws, { period: '2023-09', kind: '通报', date: '2023-10-13' });
    // The sample's 通报 counter stands at 3 for 2023 (two 通报 before it that year).
    expect(document).toMatchObject({ id: '通报-2023-3', number: 3, label: '湖制造专班〔2023〕3号' });
    expect(document.total).toBeUndefined();
    expect(docxText(await readFile(join(ws.dir, ...document.files[0]!.path.split('/'))))).toContain(
      '湖制造专班〔2023〕3号',
    );
    expect(ws.settings.documents.noticeCounters['2023']).toBe(4);
    expect(ws.settings.documents.issueCounters['2023']).toBe(8);
  });

  it('numbers a 运行分析报告 from its own counter, with no 总期号, beside a 简报 of the same period', async () => {
    await issueDocument(ws, { period: '2023-09', kind: '简报', date: '2023-10-12' });
    const { document } = await issueDocument(ws, { period: '2023-09', kind: '运行分析报告', date: '2023-10-14' });
    // The sample's 运行分析报告 counter is its own (at 9 for 2023), not the 简报's 第8期.
    expect(document).toMatchObject({ id: '运行分析报告-2023-9', number: 9, label: '第9期' });
    expect(document.total).toBeUndefined();
    expect(ws.settings.documents.reportCounters['2023']).toBe(10);
    expect(ws.settings.documents.issueCounters['2023']).toBe(9);
    expect(ws.settings.documents.totalIssueNext).toBe(32);
    expect((await listIssued(ws)).documents.map((d) => d.id)).toEqual(['运行分析报告-2023-9', '简报-2023-8']);
  });

  it('reports a frozen file changed since by its checksum, and will not hand it out', async () => {
    const { document } = await issueDocument(ws, { period: '2023-09', kind: '简报', date: '2023-10-12' });
    const docx = document.files[0]!;
    const path = join(ws.dir, ...docx.path.split('/'));
    const bytes = await readFile(path);
    expect((await readIssuedFile(ws, document.id, docx.name)).bytes.equals(bytes)).toBe(true);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    await writeFile(path, bytes);
    const now = createHash('sha256').update(bytes).digest('hex');
    const { problems, documents } = await listIssued(ws);
    expect(problems).toEqual([
      `${docx.path} 与签发时不同，已被改动：签发时 SHA-256 为 ${docx.sha256.slice(0, 16)}…，现在为 ${now.slice(0, 16)}…`,
    ]);
    expect(documents[0]?.checks.map((c) => c.problem === null)).toEqual([false, true, true]);
    const refused = await failure(readIssuedFile(ws, document.id, docx.name));
    expect(refused.code).toBe('INVALID_FILE');
    expect(refused.message).toContain('这不是签发时的文件，不予提供');
  });

  it('asks before a counter goes back to an issued number, audits it, and still never reuses the number', async () => {
    await issueDocument(ws, { period: '2023-09', kind: '简报', date: '2023-10-12' });
    const refused = await failure(updateSettings(ws, { documents: { issueCounters: { '2023': 8 } } }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe(
      '2023年简报的下一份设为第8期，而第8期已签发。改回已签发的号会让两份文件同号，如确需改回（例如作废重发），请确认后再保存。',
    );
    expect(ws.settings.documents.issueCounters['2023']).toBe(9);
    await updateSettings(ws, { documents: { issueCounters: { '2023': 8 } }, confirmCounterRewind: true });
    expect(ws.settings.documents.issueCounters['2023']).toBe(8);
    expect((await ws.auditLog()).find((a) => a.action === 'counter.rewind')?.summary).toBe(
      '确认把计数器改回已签发的号：2023年简报的下一份设为第8期，而第8期已签发',
    );
    const { document } = await issueDocument(ws, { period: '2023-08', kind: '简报', date: '2023-10-20' });
    expect(document.number).toBe(9);
  });

  it('lets only one of two 签发 started together through (a double click), the other refused by name', async () => {
    const both = await Promise.allSettled([
      issueDocument(ws, { period: '2023-09', kind: '简报', date: '2023-10-12' }),
      issueDocument(ws, { period: '2023-09', kind: '简报', date: '2023-10-12' }),
    ]);
    expect(both.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    const second = both[1] as PromiseRejectedResult;
    expect((second.reason as AppError).message).toContain(
      '已于2023年10月12日签发（第8期（总第31期），张晓明），不能再次签发',
    );
    expect(await readdir(join(ws.dir, 'issued', '2023'))).toEqual(['简报-2023-8']);
    expect((await listIssued(ws)).documents).toHaveLength(1);
    expect(ws.settings.documents.issueCounters['2023']).toBe(9);
  });

  it('refuses while a 审核 错误 is open', async () => {
    await ws.setFigures(
      '2023-09',
      [{ systemId: REGIONAL, indicatorId: 'industrial-value-added-growth', region: '吴兴', value: 1234.5 }],
      {
        kind: 'entry',
      },
    );
    const refused = await failure(issueDocument(ws, { period: '2023-09', kind: '简报', date: '2023-10-12' }));
    expect(refused.message).toContain('有 1 条审核错误尚未处理（SH04「增速不超过±100%」');
    expect(await readdir(join(ws.dir, 'issued')).catch(() => [])).toEqual([]);
  });

  it('refuses to freeze through a link planted at issued/, writing nothing elsewhere', async () => {
    const elsewhere = tempDir('zjb-elsewhere-');
    await symlink(elsewhere, join(ws.dir, 'issued'));
    const refused = await failure(issueDocument(ws, { period: '2023-09', kind: '简报', date: '2023-10-12' }));
    expect(refused.message).toContain('是符号链接（或联接点）');
    expect(await readdir(elsewhere)).toEqual([]);
    expect(ws.settings.documents.issueCounters['2023']).toBe(8);
  });

  it('moves aside the folder of a 签发 that died before the register, never writing over it', async () => {
    const leftover = join(ws.dir, 'issued', '2023', '简报-2023-8');
    await mkdir(leftover, { recursive: true });
    await writeFile(join(leftover, 'half.docx'), 'partial');
    const { document } = await issueDocument(ws, { period: '2023-09', kind: '简报', date: '2023-10-12' });
    expect(document.id).toBe('简报-2023-8');
    const names = await readdir(join(ws.dir, 'issued', '2023'));
    expect(names.filter((n) => n.startsWith('简报-2023-8.未完成-'))).toHaveLength(1);
    const aside = names.find((n) => n.startsWith('简报-2023-8.未完成-'))!;
    expect(await readFile(join(ws.dir, 'issued', '2023', aside, 'half.docx'), 'utf8')).toBe('partial');
  });
});
