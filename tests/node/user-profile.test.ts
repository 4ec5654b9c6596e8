import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHandlers } from '../../src/main/handlers';
import { createServices, osUserName } from '../../src/main/services/container';
import { PROJECT_ROOT } from '../support/project';
import { tempDir } from '../support/workspace';

function services(appDataDir: string, userName?: string) {
  return createServices({
    appRoot: PROJECT_ROOT,
    appVersion: 'test',
    appDataDir,
    documentsDir: tempDir('zjb-docs-'),
    app: 'http',
    ...(userName === undefined ? {} : { userName }),
  });
}

const ctx = { host: 'http' as const, emit: () => {} };

describe('设置 → 我的姓名', () => {
  it('asks at first start, keeps the name for this PC outside the workspace, and records changes under it', async () => {
    const appData = tempDir('zjb-appdata-');
    const first = services(appData);
    const handlers = createHandlers(first);
    const before = await handlers['app.info']({}, ctx);
    expect(before).toMatchObject({ userName: osUserName(), userNameSet: false });

    // A workspace is open while the clerk gives the name: what is saved next is recorded under it.
    await first.session.openSample();
    const ws = first.session.require();
    await ws.setFigures(
      '2023-09',
      [
        {
          systemId: 'hz-mfg-cluster-regional-2023',
          indicatorId: 'industrial-value-added-growth',
          region: '吴兴',
          value: 7.7,
        },
      ],
      { kind: 'entry' },
    );
    const after = await handlers['app.setUserName']({ name: '  张晓明 ' }, ctx);
    expect(after).toMatchObject({ userName: '张晓明', userNameSet: true });
    await ws.setFigures(
      '2023-09',
      [
        {
          systemId: 'hz-mfg-cluster-regional-2023',
          indicatorId: 'industrial-value-added-growth',
          region: '吴兴',
          value: 7.8,
        },
      ],
      { kind: 'entry' },
    );
    const history = await ws.figures.cellHistory(
      '2023-09',
      'hz-mfg-cluster-regional-2023',
      'industrial-value-added-growth',
      '吴兴',
    );
    expect(history.slice(0, 2).map((h) => h.by)).toEqual(['张晓明', osUserName()]);
    await first.session.close();

    expect(JSON.parse(await readFile(join(appData, 'profile.json'), 'utf8'))).toEqual({
      formatVersion: 1,
      userName: '张晓明',
    });
    const again = services(appData);
    expect(again.userName).toBe('张晓明');
    expect(again.user.isSet).toBe(true);
  });

  it('refuses an empty or odd name in Chinese, and a name fixed at start cannot be changed here', async () => {
    const s = services(tempDir('zjb-appdata-'));
    await expect(s.user.setName('   ')).rejects.toThrow('请填写姓名');
    await expect(s.user.setName('a/b')).rejects.toThrow('姓名中不能有');
    const fixed = services(tempDir('zjb-appdata-'), '测试员');
    expect(fixed.user.isSet).toBe(true);
    await expect(fixed.user.setName('别人')).rejects.toThrow('本次运行的使用人已由启动参数指定为“测试员”');
  });
});
