import { contextBridge, ipcRenderer } from 'electron';
import { callNames, eventNames, transport, type ApiBridge, type CallName, type EventName } from '../shared/contract';

// window.api: exactly the contract's calls and events, nothing else (no ipcRenderer, no process).
const allowedCalls = new Set<string>(callNames);
const allowedEvents = new Set<string>(eventNames);

const api: ApiBridge = {
  invoke(name, input) {
    if (!allowedCalls.has(name)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CALL', message: `没有名为“${String(name)}”的操作。` },
      });
    }
    return ipcRenderer.invoke(transport.ipcChannel(name as CallName), input);
  },
  on(event, listener) {
    if (!allowedEvents.has(event)) return () => {};
    const channel = transport.eventChannel(event as EventName);
    const wrapped = (_e: unknown, payload: unknown) => listener(payload as never);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  },
};

contextBridge.exposeInMainWorld('api', api);
