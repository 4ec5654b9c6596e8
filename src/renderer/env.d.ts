/// <reference types="vite/client" />
import type { ApiBridge } from '../shared/contract';

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

declare global {
  interface Window {
    /** Present only inside the Electron window (built by the preload from the contract). */
    api?: ApiBridge;
  }
}
