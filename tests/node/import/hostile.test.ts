import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFillForms } from '../../../src/main/services/documents/xlsx-forms/generate-fill-forms';
import { applyImport, previewImport } from '../../../src/main/services/import';
import type { Workspace } from '../../../src/main/services/storage/workspace';
import { hostileCorpus, type HostileFile } from '../../support/hostile-corpus';
import { sampleWorkspace } from './helpers';

let ws: Workspace;
let corpus: HostileFile[] = [];

beforeAll(async () => {
  ws = await sampleWorkspace();
  const [form] = await generateFillForms(ws, '2023-09', { regions: ['吴兴'] });
  corpus = hostileCorpus(form!.buffer);
}, 120_000);
afterAll(() => ws.close());

describe('hostile files under 20 MB: each refused with a reason, or read, and nothing written', () => {
  it('every file of the corpus', async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(15);
    const before = (await ws.figures.get('2023-09')).revision;
    for (const file of corpus) {
      expect(file.bytes.length, file.name).toBeLessThanOrEqual(20 * 1024 * 1024);
      const p = await previewImport(ws, [{ name: file.name, bytes: file.bytes }]);
      const report = p.files[0]!;
      if ('refused' in file.outcome) {
        expect(report.status, `${file.name}: ${report.message}`).toBe('refused');
        expect(report.message).toContain(`“${file.name}”`);
        expect(report.message).toMatch(file.outcome.refused);
      } else {
        expect(report.status, `${file.name}: ${report.message}`).toBe('accepted');
        expect(report.region).toBe('吴兴');
        expect(report.cells.length).toBeGreaterThan(10);
      }
      if (report.status === 'refused') expect((await applyImport(ws, p)).applied).toEqual([]);
    }
    expect((await ws.figures.get('2023-09')).revision).toBe(before);
  }, 300_000);
});
