import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../support/project';

const SCRIPT = join(PROJECT_ROOT, 'scripts/check-layers.mjs');

function checkWith(file: string, content: string) {
  const root = mkdtempSync(join(tmpdir(), 'zjb-layers-'));
  cpSync(join(PROJECT_ROOT, 'src'), join(root, 'src'), { recursive: true });
  writeFileSync(join(root, file), content);
  return spawnSync(process.execPath, [SCRIPT, '--root', root], { encoding: 'utf8' });
}

describe('layer check', () => {
  it('passes on the project as it is', () => {
    expect(execFileSync(process.execPath, [SCRIPT, '--root', PROJECT_ROOT], { encoding: 'utf8' })).toContain(
      '分层检查通过',
    );
  });

  it.each([
    ['src/shared/bad.ts', "import { app } from 'electron';", 'shared 不能引用 electron'],
    ['src/shared/bad.ts', "import { readFile } from 'node:fs';", 'shared 不能引用 Node 内置模块'],
    ['src/shared/bad.ts', "import { ref } from 'vue';", 'shared 不能引用界面库'],
    ['src/shared/bad.ts', 'export const w = () => window.location.href;', 'shared 不能依赖 DOM'],
    ['src/shared/bad.ts', "import { x } from '../main/services/container';", 'shared 只能引用 shared'],
    ['src/main/services/bad.ts', "import { dialog } from 'electron';", 'main/services 不能引用 electron'],
    ['src/main/hosts/bad.ts', "import { ipcMain } from 'electron';", 'main/hosts 不能引用 electron'],
    ['src/renderer/bad.ts', "import { ipcRenderer } from 'electron';", 'renderer 不能引用 electron'],
    ['src/renderer/bad.ts', "import { readFileSync } from 'node:fs';", 'renderer 不能引用 Node 内置模块'],
    ['src/renderer/bad.ts', "import fs from 'fs';", 'renderer 不能引用 Node 内置模块'],
    [
      'src/renderer/bad.ts',
      "import { createServices } from '../main/services/container';",
      'renderer 只能引用 renderer 和 shared',
    ],
    ['src/preload/bad.ts', "import { z } from 'zod';", 'preload 只能引用 electron 和 shared'],
    ['src/preload/bad.ts', "import { readFile } from 'node:fs/promises';", 'preload 只能引用 electron 和 shared'],
    [
      'src/renderer/features/rankings/bad.ts',
      "import { buildLayout } from '../entry/grid/layout';",
      'features/<页> 的文件只能由本页和 router.ts 引用',
    ],
    [
      'src/renderer/features/import/components/bad.vue',
      '<script setup lang="ts">\nimport EntryGrid from \'../../entry/components/EntryGrid.vue\';\n</script>',
      'features/<页> 的文件只能由本页和 router.ts 引用',
    ],
    [
      'src/renderer/components/bad.ts',
      "export { targetFor } from '../features/entry/hints';",
      'features/<页> 的文件只能由本页和 router.ts 引用',
    ],
  ])('fails on %s importing what it must not (%s)', (file, content, reason) => {
    const result = checkWith(file, content);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(reason);
    expect(result.stderr).toContain(file);
  });

  it.each([
    ['src/renderer/features/entry/extra.ts', "import { buildLayout } from './grid/layout';"],
    ['src/renderer/features/entry/extra.ts', "import { periodLabel } from '../../shared/periods';"],
    ['src/renderer/features/rankings/extra.ts', "import PeriodPicker from '../../components/PeriodPicker.vue';"],
  ])('lets %s import its own feature and the shared renderer parts (%s)', (file, content) => {
    const result = checkWith(file, content);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
