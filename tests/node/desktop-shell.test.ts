import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transport } from '../../src/shared/contract';
import { PROJECT_ROOT } from '../support/project';
import { APP_INDEX_URL, isAllowedExternal, isAppUrl, rendererFile } from '../../src/main/app/url-policy';

/**
 * Electron cannot be launched here, so the shell runs against a stand-in of the few Electron objects
 * it touches, recording what it registers. The services behind it are the real ones.
 */
const fakeReady = vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { mkdtempSync: mk } = await import('node:fs');
  const { tmpdir: tmp } = await import('node:os');
  const { join: j } = await import('node:path');
  const userData = mk(j(tmp(), 'zjb-shell-userdata-'));
  const documents = mk(j(tmp(), 'zjb-shell-docs-'));
  class FakeContents extends Emitter {
    readonly id = 7;
    openHandler: ((d: { url: string }) => { action: string }) | null = null;
    setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
      this.openHandler = h;
    }
    send() {}
    getURL() {
      return 'app://bundle/index.html';
    }
  }
  class FakeWindow extends Emitter {
    static last: FakeWindow | null = null;
    readonly webContents = new FakeContents();
    loaded: string | null = null;
    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeWindow.last = this;
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    show() {}
    isMinimized() {
      return false;
    }
  }
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    quitCalls: 0,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getVersion: () => 'test',
    getPath: (name: string) => (name === 'userData' ? userData : documents),
    quit() {
      app.quitCalls++;
    },
  });
  const recorded = {
    privileged: [] as unknown[],
    protocolHandler: null as ((r: { url: string }) => Promise<Response>) | null,
    fetched: [] as string[],
    permissionRequest: null as null | ((...a: unknown[]) => void),
    permissionCheck: null as null | ((...a: unknown[]) => boolean),
    deviceCheck: null as null | ((...a: unknown[]) => boolean),
    ipc: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
    dialogAnswer: 0,
    dialogs: [] as unknown[],
    opened: [] as string[],
  };
  return { app, FakeWindow, recorded, userData };
});

vi.mock('electron', async () => {
  const fake = await fakeReady;
  return {
    app: fake.app,
    BrowserWindow: fake.FakeWindow,
    ipcMain: {
      handle: (channel: string, listener: (e: unknown, i: unknown) => Promise<unknown>) =>
        fake.recorded.ipc.set(channel, listener),
      removeHandler: (channel: string) => fake.recorded.ipc.delete(channel),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: (...a: unknown[]) => void) => (fake.recorded.permissionRequest = h),
        setPermissionCheckHandler: (h: (...a: unknown[]) => boolean) => (fake.recorded.permissionCheck = h),
        setDevicePermissionHandler: (h: (...a: unknown[]) => boolean) => (fake.recorded.deviceCheck = h),
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.recorded.privileged.push(...schemes),
      handle: (_scheme: string, h: (r: { url: string }) => Promise<Response>) => (fake.recorded.protocolHandler = h),
    },
    net: {
      fetch: (url: string) => {
        fake.recorded.fetched.push(url);
        return Promise.resolve(new Response('file'));
      },
    },
    dialog: {
      showMessageBox: (...args: unknown[]) => {
        fake.recorded.dialogs.push(args);
        return Promise.resolve({ response: fake.recorded.dialogAnswer });
      },
      showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
      showSaveDialog: () => Promise.resolve({ canceled: true }),
    },
    shell: {
      openExternal: (url: string) => {
        fake.recorded.opened.push(url);
        return Promise.resolve();
      },
      showItemInFolder: () => {},
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => {} },
  };
});

const fake = await fakeReady;

const trustedEvent = () => ({ sender: { id: 7 }, senderFrame: { url: APP_INDEX_URL } });

beforeAll(async () => {
  await import('../../src/main/index');
  await new Promise((r) => setTimeout(r, 0));
});

afterAll(() => {
  fake.app.emit('before-quit', { preventDefault: () => {} });
});

describe('which pages are ours, and which files the app:// scheme serves', () => {
  it('trusts app://bundle and the dev server’s exact origin; never file://, never a look-alike origin', () => {
    expect(isAppUrl('app://bundle/index.html#/entry')).toBe(true);
    expect(isAppUrl('file:///opt/app/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('file://fileserver/share/evil/renderer/index.html')).toBe(false);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5173.evil.example/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('serves only files inside the renderer folder', () => {
    const dir = join(tmpdir(), 'renderer');
    expect(rendererFile('app://bundle/', dir)).toBe(join(dir, 'index.html'));
    expect(rendererFile('app://bundle/assets/index.js', dir)).toBe(join(dir, 'assets', 'index.js'));
    // The URL parser folds %2e%2e segments away: what remains is a path inside the folder.
    expect(rendererFile('app://bundle/%2e%2e/%2e%2e/etc/passwd', dir)).toBe(join(dir, 'etc', 'passwd'));
    expect(rendererFile('app://bundle/..%2f..%2fetc%2fpasswd', dir)).toBeNull();
    expect(rendererFile('app://bundle/a%5c..%5c..%5cwin.ini', dir)).toBeNull();
    expect(rendererFile('app://bundle/%00', dir)).toBeNull();
    expect(rendererFile('app://other/index.html', dir)).toBeNull();
  });

  it('lets only allowlisted https pages out, without credentials', () => {
    expect(isAllowedExternal('https://support.microsoft.com/zh-cn/excel')).toBe(true);
    expect(isAllowedExternal('http://support.microsoft.com/')).toBe(false);
    expect(isAllowedExternal('https://user:pw@support.microsoft.com/')).toBe(false);
    expect(isAllowedExternal('https://support.microsoft.com.evil.example/')).toBe(false);
    expect(isAllowedExternal('file:///C:/Windows/System32/calc.exe')).toBe(false);
  });
});

describe('the desktop shell as the composition root wires it (Electron stand-in, real services)', () => {
  it('registers app:// as a standard secure scheme and loads the window from it, sandboxed', () => {
    expect(fake.recorded.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const win = fake.FakeWindow.last!;
    expect(win.loaded).toBe(APP_INDEX_URL);
    expect(win.options['webPreferences']).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('the app:// handler serves the renderer folder and answers 404 for anything outside it', async () => {
    const handler = fake.recorded.protocolHandler!;
    const ok = await handler({ url: 'app://bundle/index.html' });
    expect(ok.status).toBe(200);
    expect(fake.recorded.fetched.at(-1)).toMatch(/^file:\/\/.*\/renderer\/index\.html$/);
    for (const url of [
      'app://bundle/%2e%2e/%2e%2e/package.json',
      'app://bundle/no-such-file.js',
      'app://evil/index.html',
    ])
      expect((await handler({ url })).status, url).toBe(404);
  });

  it('denies every permission request and check, except writing the clipboard from our own page', () => {
    const answers: boolean[] = [];
    const request = (permission: string, url: string) =>
      fake.recorded.permissionRequest!({ getURL: () => url }, permission, (granted: boolean) => answers.push(granted), {
        requestingUrl: url,
      });
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'openExternal'])
      request(p, APP_INDEX_URL);
    request('clipboard-sanitized-write', 'https://evil.example/');
    expect(answers).toEqual([false, false, false, false, false, false, false]);
    request('clipboard-sanitized-write', APP_INDEX_URL);
    expect(answers.at(-1)).toBe(true);
    expect(fake.recorded.permissionCheck!(null, 'media', 'app://bundle')).toBe(false);
    expect(fake.recorded.permissionCheck!(null, 'clipboard-read', 'app://bundle')).toBe(false);
    expect(fake.recorded.deviceCheck!({ deviceType: 'usb' })).toBe(false);
  });

  it('navigation leaves our page for nothing, and a file:// page on a share is not trusted', () => {
    const contents = fake.FakeWindow.last!.webContents;
    const navigate = (url: string) => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('app://bundle/index.html#/rankings')).toBe(false);
    expect(navigate('file://fileserver/share/x/renderer/index.html')).toBe(true);
    expect(navigate('https://evil.example/')).toBe(true);
  });

  it('opens an allowlisted page in the browser only after the clerk confirms; others never', async () => {
    const contents = fake.FakeWindow.last!.webContents;
    const open = async (url: string, answer: number) => {
      fake.recorded.dialogAnswer = answer;
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
      await new Promise((r) => setTimeout(r, 0));
    };
    await open('https://evil.example/phish', 0);
    await open('file:///C:/Windows/System32/calc.exe', 0);
    expect(fake.recorded.dialogs).toHaveLength(0);
    await open('https://www.wps.cn/help', 1);
    expect(fake.recorded.opened).toEqual([]);
    await open('https://www.wps.cn/help', 0);
    expect(fake.recorded.opened).toEqual(['https://www.wps.cn/help']);
    expect(JSON.stringify(fake.recorded.dialogs.at(-1))).toContain('要在浏览器中打开以下网页吗');
  });

  it('accepts IPC only from our window showing app://, not from a file:// frame', async () => {
    const call = fake.recorded.ipc.get(transport.ipcChannel('app.info'))!;
    expect(await call(trustedEvent(), {})).toMatchObject({ ok: true });
    const fromFile = await call({ sender: { id: 7 }, senderFrame: { url: 'file:///x/renderer/index.html' } }, {});
    expect(fromFile).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('before-quit waits for dispose(): the journal is folded and the workspace lock released, then it quits', async () => {
    const open = fake.recorded.ipc.get(transport.ipcChannel('workspace.openSample'))!;
    const opened = (await open(trustedEvent(), {})) as { ok: boolean; value: { dir: string } };
    expect(opened.ok).toBe(true);
    const set = fake.recorded.ipc.get(transport.ipcChannel('figures.set'))!;
    const saved = await set(trustedEvent(), {
      period: '2023-09',
      changes: [
        {
          systemId: 'hz-mfg-cluster-regional-2023',
          indicatorId: 'industrial-value-added-growth',
          region: '德清',
          value: 9.9,
        },
      ],
    });
    expect(saved).toMatchObject({ ok: true });
    const dir = opened.value.dir;
    expect(existsSync(join(dir, '.lock'))).toBe(true);
    expect(existsSync(join(dir, 'data', '2023', '2023-09.log'))).toBe(true);
    let prevented = false;
    const quitsBefore = fake.app.quitCalls;
    fake.app.emit('before-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(fake.app.quitCalls).toBe(quitsBefore + 1), { timeout: 10_000 });
    expect(existsSync(join(dir, '.lock'))).toBe(false);
    expect(existsSync(join(dir, 'data', '2023', '2023-09.log'))).toBe(false);
    // The second before-quit (from that app.quit) is let through.
    let preventedAgain = false;
    fake.app.emit('before-quit', { preventDefault: () => (preventedAgain = true) });
    expect(preventedAgain).toBe(false);
  });
});

describe('the packaged binary’s fuses (electron-builder.yml)', () => {
  it('turns off running as Node, NODE_OPTIONS and inspect; only app.asar, checked; cookies encrypted', () => {
    const yml = readFileSync(join(PROJECT_ROOT, 'electron-builder.yml'), 'utf8');
    const block = /^electronFuses:\n((?: {2}\S.*\n)+)/m.exec(yml)?.[1] ?? '';
    const fuses = Object.fromEntries(
      block
        .trim()
        .split('\n')
        .map((l) => l.trim().split(/:\s*/)),
    );
    expect(fuses).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      onlyLoadAppFromAsar: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      enableCookieEncryption: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
    expect(yml).toMatch(/^asar: true$/m);
  });
});
