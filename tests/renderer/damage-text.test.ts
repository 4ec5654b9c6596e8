import { describe, expect, it } from 'vitest';
import { damageHelp, damageTitle } from '../../src/renderer/features/entry/damage-text';

const base = { file: 'data/2023/2023-09.json', lastGoodRevision: 4 };

describe('the damaged-period alert', () => {
  it('says a newer program wrote the file, never that it is damaged, and offers no restore', () => {
    const d = {
      ...base,
      kind: 'newer' as const,
      restorable: false,
      message: '文件是更新版本的程序写的（格式第 9 版，本程序只认到第 1 版），请升级程序后再打开',
    };
    expect(damageTitle(d)).toContain('更新版本');
    expect(damageTitle(d) + damageHelp(d)).not.toContain('损坏');
    expect(damageHelp(d)).toContain('请升级程序');
  });

  it('names the damaged file and promises the files are kept aside', () => {
    const d = {
      ...base,
      file: 'data/2023/2023-09.log',
      kind: 'damaged' as const,
      restorable: true,
      message: '第 3 行已损坏（校验码不符）',
    };
    expect(damageTitle(d)).toBe('本期数据文件已损坏：data/2023/2023-09.log，第 3 行已损坏（校验码不符）');
    expect(damageHelp(d)).toContain('不会被删除');
  });
});
