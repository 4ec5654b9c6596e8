import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../src/shared/domain/periods';
import { exportDocuments } from '../../../src/main/services/reports/export-service';
import { createSampleWorkspace } from '../../../src/main/services/sample/sample-workspace';
import type { Workspace } from '../../../src/main/services/storage/workspace';
import { templates, tempDir } from '../../support/workspace';

const PERIOD = '2023-09';
let ws: Workspace;
let outDir: string;

beforeAll(async () => {
  ws = await createSampleWorkspace({
    dir: join(tempDir('zjb-export-'), 'sample'),
    seed: 20230930,
    systems: await templates.all(),
    registries: await templates.registries(),
    userName: '导出测试',
  });
  outDir = tempDir('zjb-export-out-');
});
afterAll(() => ws.close());

const exportXlsx = (asCopy?: boolean) =>
  exportDocuments(ws, {
    period: parsePeriod(PERIOD)!,
    periodKey: PERIOD,
    kind: '简报',
    issueDate: new Date(2023, 9, 8),
    parts: ['xlsx'],
    outDir,
    ...(asCopy === undefined ? {} : { asCopy }),
  });

function canMakeImmutable(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = join(tempDir('zjb-chattr-'), 'probe');
  writeFileSync(probe, 'x');
  const ok = spawnSync('chattr', ['+i', probe]).status === 0;
  if (ok) execFileSync('chattr', ['-i', probe]);
  return ok;
}

describe('exporting the same document again', () => {
  it('replaces the earlier file of the same name instead of piling up copies', async () => {
    const first = await exportXlsx();
    writeFileSync(join(outDir, first.files[0]!.name), 'an older export');
    const second = await exportXlsx();
    expect(second.files.map((f) => f.name)).toEqual(first.files.map((f) => f.name));
    expect(readdirSync(outDir)).toEqual([first.files[0]!.name]);
    expect(readFileSync(join(outDir, first.files[0]!.name)).subarray(0, 2).toString()).toBe('PK');
  });

  it('keeps the earlier file when the clerk asks for a copy', async () => {
    const copy = await exportXlsx(true);
    expect(copy.files[0]!.name).toMatch(/（2）\.xlsx$/);
    expect(readdirSync(outDir)).toHaveLength(2);
  });

  const immutable = canMakeImmutable();
  if (!immutable) console.warn('[export] skipping the locked-file case: needs root and chattr');
  it.runIf(immutable)('says the file is open elsewhere and leaves it whole when it cannot be replaced', async () => {
    const name = readdirSync(outDir).find((n) => !n.includes('（2）'))!;
    const path = join(outDir, name);
    const before = readFileSync(path);
    execFileSync('chattr', ['+i', path]);
    try {
      await expect(exportXlsx()).rejects.toThrow(/正被其他程序（如 Word、WPS）打开，无法替换.*另存为副本/);
    } finally {
      execFileSync('chattr', ['-i', path]);
    }
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(outDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
