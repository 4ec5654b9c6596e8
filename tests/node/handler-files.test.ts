import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callNames } from '../../src/shared/contract';
import { PROJECT_ROOT } from '../support/project';

const HANDLERS = join(PROJECT_ROOT, 'src/main/handlers');
const namespaces = [...new Set(callNames.map((name) => name.split('.')[0] ?? ''))];

describe('handler files', () => {
  it.each(namespaces)('the %s namespace has its own handler file', (ns) => {
    const file = join(HANDLERS, `${ns}.ts`);
    expect(existsSync(file), `src/main/handlers/${ns}.ts`).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`NamespaceHandlers<'${ns}'>`);
    for (const name of callNames.filter((n) => n.startsWith(`${ns}.`))) expect(text).toContain(`'${name}'`);
  });

  it('has no handler file for a namespace the contract does not have', () => {
    const files = readdirSync(HANDLERS).filter((f) => f !== 'index.ts');
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...namespaces].sort());
  });
});
