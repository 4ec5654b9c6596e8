import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLE_SEED } from '../../../src/cli/commands/sample';
import { createSampleWorkspace } from '../../../src/main/services/sample/sample-workspace';
import { buildWorkspaceReport } from '../../../src/main/services/reports/report-service';
import type { Workspace } from '../../../src/main/services/storage/workspace';
import { parsePeriod } from '../../../src/shared/domain/periods';
import { paragraphText, type ReportModel } from '../../../src/shared/report/model';
import { DOCUMENT_KINDS } from '../../../src/shared/schemas/document-kind';
import { PROJECT_ROOT } from '../../support/project';
import { createSyntheticWorkspace } from '../../support/synthetic';
import { tempDir, templates } from '../../support/workspace';

/**
 * Golden documents, read aloud before they were frozen: the drafted 简报, 运行分析报告 and 通报 of the sample at
 * 2023年1—9月 and at year end, of a 嘉兴 workspace and of a 数字经济 workspace in 2026 (a year its plan sets no
 * targets for). Each golden file holds the document as a reader meets it: title, number, headings, every
 * paragraph, the place of each table and chart. `UPDATE_GOLDEN=1` rewrites them (then read the diff).
 */

const GOLDEN = join(PROJECT_ROOT, 'tests/fixtures/golden');

interface Case {
  name: string;
  period: string;
  make: () => Promise<Workspace>;
}

const CASES: Case[] = [
  {
    name: 'sample-2023-09',
    period: '2023-09',
    make: async () =>
      createSampleWorkspace({
        dir: join(tempDir(), 'sample'),
        seed: DEFAULT_SAMPLE_SEED,
        systems: await templates.all(),
        registries: await templates.registries(),
        userName: '示例',
        issueYear: 2023,
      }),
  },
  {
    name: 'sample-2023-12',
    period: '2023-12',
    make: async () =>
      createSampleWorkspace({
        dir: join(tempDir(), 'sample'),
        seed: DEFAULT_SAMPLE_SEED,
        systems: await templates.all(),
        registries: await templates.registries(),
        userName: '示例',
        issueYear: 2023,
        lastMonth: 12,
      }),
  },
  {
    name: 'jiaxing-2023-09',
    period: '2023-09',
    make: async () =>
      createSyntheticWorkspace({ system: await templates.get('jx-plan-2023'), year: 2023, lastMonth: 9 }),
  },
  {
    name: 'digital-economy-2026-09',
    period: '2026-09',
    make: async () =>
      createSyntheticWorkspace({ system: await templates.get('hz-digital-economy-2023'), year: 2026, lastMonth: 9 }),
  },
];

/** The document as a reader meets it, one line per heading, paragraph, table or chart. */
export function readAloud(model: ReportModel): string {
  const lines = [`# ${model.meta.kind}：${model.title.replace(/\n/g, '')}（${model.meta.documentNumber}）`];
  if (model.meta.addressees.length) lines.push(`主送：${model.meta.addressees.join('，')}`);
  for (const section of model.sections) {
    if (section.heading) lines.push(section.heading);
    for (const block of section.blocks) {
      if (block.type === 'paragraph') lines.push(`　　${paragraphText(block)}`);
      else if (block.type === 'heading') lines.push(block.text);
      else if (block.type === 'table') lines.push(`［${block.title}］`);
      else lines.push(`［图：${block.title}］`);
    }
  }
  for (const a of model.attachments) lines.push(`［附件：${a.title}，${a.blocks.length}张表］`);
  return lines.join('\n') + '\n';
}

describe.each(CASES)('golden documents: $name', ({ name, period, make }) => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await make();
  });
  afterAll(async () => {
    await ws.close();
  });

  it.each(DOCUMENT_KINDS)('%s reads as frozen', async (kind) => {
    const { model } = await buildWorkspaceReport(ws, {
      period: parsePeriod(period),
      periodKey: period,
      kind,
      issueDate: new Date(Number(period.slice(0, 4)), period.endsWith('12') ? 11 : 9, period.endsWith('12') ? 28 : 8),
    });
    const text = readAloud(model);
    const file = join(GOLDEN, `${name}.${kind}.txt`);
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(file, text);
    expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 and read it`).toBe(true);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
});
