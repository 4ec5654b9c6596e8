import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/project';

const SCRIPT = join(PROJECT_ROOT, 'scripts/check-layers.mjs');
const DOC = readFileSync(join(PROJECT_ROOT, 'docs/architecture.md'), 'utf8');

describe('docs/architecture.md', () => {
  it('states the layer rules exactly as scripts/check-layers.mjs enforces them', () => {
    const table = execFileSync(process.execPath, [SCRIPT, '--doc-table'], { encoding: 'utf8' }).trim();
    const start = DOC.indexOf('<!-- layer table:');
    const end = DOC.indexOf('<!-- end of layer table -->');
    expect(start, 'the layer table markers are missing').toBeGreaterThan(0);
    const inDoc = DOC.slice(DOC.indexOf('\n', start) + 1, end).trim();
    // When this fails: node scripts/check-layers.mjs --write-doc, then read the diff.
    expect(inDoc).toBe(table);
    expect(table.split('\n').length).toBeGreaterThan(8);
  });

  it('names every page-sharing folder the feature rule points to', () => {
    for (const folder of ['src/renderer/components/', 'src/renderer/composables/', 'src/renderer/shared/'])
      expect(DOC).toContain(folder);
  });
});
