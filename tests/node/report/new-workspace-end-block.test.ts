import { afterEach, describe, expect, it } from 'vitest';
import { exportDocuments } from '../../../src/main/services/reports/export-service';
import type { Workspace } from '../../../src/main/services/storage/workspace';
import { parsePeriod } from '../../../src/shared/domain/periods';
import type { DocumentKind } from '../../../src/shared/schemas/document-kind';
import { newWorkspace, tempDir } from '../../support/workspace';

/**
 * A new workspace starts with the 报/送/发 most offices use (editable in 设置), so its first 简报 already has a
 * complete 版记 and its first 通报 an 抄送 line; a clerk who empties them gets the checker's failure, not "in order".
 */

const opened: Workspace[] = [];
afterEach(async () => {
  for (const ws of opened.splice(0)) await ws.close();
});

async function checks(ws: Workspace, kind: DocumentKind) {
  const result = await exportDocuments(ws, {
    period: parsePeriod('2023-09'),
    periodKey: '2023-09',
    kind,
    issueDate: new Date(2023, 9, 8),
    parts: ['docx'],
    outDir: tempDir(),
  });
  return new Map(result.checks.map((c) => [c.id, c]));
}

describe('a new workspace', () => {
  it('starts with the usual 报/送/发, and the first 简报 and 通报 pass the 版记 check', async () => {
    const { ws } = await newWorkspace();
    opened.push(ws);
    expect(ws.settings.documents.distribution).toEqual({
      bao: ['市委、市政府领导'],
      song: ['市级有关部门'],
      fa: ['各区县人民政府'],
    });
    expect((await checks(ws, '简报')).get('distribution')).toMatchObject({ pass: true, label: '版记（报/送/发）' });
    expect((await checks(ws, '通报')).get('distribution')).toMatchObject({ pass: true, label: '版记（抄送）' });
  });

  it('fails the 版记 check once the clerk empties the distribution', async () => {
    const { ws } = await newWorkspace();
    opened.push(ws);
    await ws.updateSettings(
      (current) => ({ ...current, documents: { ...current.documents, distribution: { bao: [], song: [], fa: [] } } }),
      '清空报送范围',
    );
    for (const kind of ['简报', '通报'] as const) {
      const item = (await checks(ws, kind)).get('distribution');
      expect(item?.pass, kind).toBe(false);
      expect(item?.measured).toContain('版记是空的');
    }
  });
});
