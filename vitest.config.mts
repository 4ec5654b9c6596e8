import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// Two projects: Node for shared/main/cli code, happy-dom for renderer components.
// End-to-end tests (real Chromium against the HTTP host) have their own config: vitest.e2e.config.mts.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/node/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['tests/renderer/**/*.test.ts'],
        },
      },
    ],
  },
});
