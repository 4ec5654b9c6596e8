import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { registerIpcHandlers, type IpcInvokeEventLike, type IpcMainLike } from '../../src/main/hosts/ipc/register-ipc';
import { createServices } from '../../src/main/services/container';
import { callNames, transport } from '../../src/shared/contract';
import { PROJECT_ROOT } from '../support/project';

/** Stands in for Electron's ipcMain, which cannot run here: records what is registered. */
class FakeIpcMain implements IpcMainLike {
  readonly registered = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void {
    if (this.registered.has(channel)) throw new Error(`second handler for ${channel}`);
    this.registered.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.registered.delete(channel);
  }
  invoke(channel: string, event: IpcInvokeEventLike, input: unknown) {
    const listener = this.registered.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, input);
  }
}

const trusted: IpcInvokeEventLike = { sender: { id: 1 }, senderFrame: { url: 'file:///app/out/renderer/index.html' } };
const stranger: IpcInvokeEventLike = { sender: { id: 2 }, senderFrame: { url: 'https://evil.example/' } };

function setup() {
  const ipc = new FakeIpcMain();
  const handlers = createHandlers(createServices({ appRoot: PROJECT_ROOT, appVersion: 'test' }));
  const unregister = registerIpcHandlers(ipc, handlers, {
    isTrustedSender: (e) => e.sender.id === 1,
    emit: () => {},
  });
  return { ipc, handlers, unregister };
}

describe('IPC host', () => {
  it('registers exactly the handler table of the contract, one channel per call', () => {
    const { ipc, handlers } = setup();
    expect([...ipc.registered.keys()].sort()).toEqual(callNames.map((n) => transport.ipcChannel(n)).sort());
    expect(Object.keys(handlers).sort()).toEqual([...callNames].sort());
  });

  it('runs a call from the trusted window against the real service', async () => {
    const { ipc } = setup();
    const result = (await ipc.invoke(transport.ipcChannel('app.info'), trusted, {})) as {
      ok: boolean;
      value: { host: string };
    };
    expect(result.ok).toBe(true);
    expect(result.value.host).toBe('electron');
  });

  it('refuses a call from another sender', async () => {
    const { ipc } = setup();
    const result = (await ipc.invoke(transport.ipcChannel('app.info'), stranger, {})) as {
      ok: boolean;
      error: { code: string };
    };
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('parses input with the contract schema', async () => {
    const { ipc } = setup();
    const result = (await ipc.invoke(transport.ipcChannel('templates.get'), trusted, { id: '../../etc' })) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('BAD_INPUT');
    expect(result.error.message).toContain('体系编号格式不对');
  });

  it('unregisters every channel', () => {
    const { ipc, unregister } = setup();
    unregister();
    expect(ipc.registered.size).toBe(0);
  });
});
