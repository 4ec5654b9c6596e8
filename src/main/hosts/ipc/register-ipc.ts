import { callNames, transport } from '../../../shared/contract';
import { dispatch, type CallContext, type Handlers, type Logger } from '../dispatch';

/** The part of Electron's ipcMain we use; typed here so this module never imports electron. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface IpcInvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string } | null;
}

export interface IpcHostOptions {
  /** Decides whether a call comes from our own window and page; anything else is refused. */
  isTrustedSender(event: IpcInvokeEventLike): boolean;
  emit: CallContext['emit'];
  log?: Logger;
}

/** Registers one ipcMain handler per contract call, each checking the sender first. */
export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: Handlers, options: IpcHostOptions): () => void {
  const ctx: CallContext = { host: 'electron', emit: options.emit };
  const channels: string[] = [];
  for (const name of callNames) {
    const channel = transport.ipcChannel(name);
    ipcMain.handle(channel, async (event, input) => {
      if (!options.isTrustedSender(event)) {
        options.log?.(`refused ${channel} from ${event.senderFrame?.url ?? 'unknown frame'}`);
        return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝了来自未知页面的请求。' } };
      }
      return dispatch(handlers, name, input, ctx, options.log);
    });
    channels.push(channel);
  }
  return () => channels.forEach((c) => ipcMain.removeHandler(c));
}
