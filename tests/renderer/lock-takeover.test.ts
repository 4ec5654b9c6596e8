import { describe, expect, it } from 'vitest';
import { takeoverConfirmText } from '../../src/renderer/components/lock-takeover';

describe('the takeover confirmation', () => {
  it('names who held the workspace, since when and when last seen', () => {
    const text = takeoverConfirmText({
      lockId: 'x',
      readable: true,
      user: '钱七',
      host: 'PC-7',
      app: 'desktop',
      since: '10月8日 09:30',
      minutesSinceSeen: 75,
    });
    expect(text).toContain('钱七（电脑 PC-7）自 10月8日 09:30 起在使用本工作区，最近一次活动在1 小时 15 分钟前。');
    expect(text).toContain('接管后对方将不能再保存修改');
  });

  it('says plainly when the lock file could not be read', () => {
    const text = takeoverConfirmText({
      lockId: 'content:ab',
      readable: false,
      user: '',
      host: '',
      app: '',
      since: '',
      minutesSinceSeen: 2,
    });
    expect(text).toContain('锁文件内容无法读取');
    expect(text).toContain('2 分钟前');
    expect(text).not.toContain('（电脑 ）');
  });
});
