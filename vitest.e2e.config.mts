import { defineConfig } from 'vitest/config';

// End-to-end: the built renderer in Debian's Chromium (playwright-core) against the real services
// behind the loopback HTTP host. Needs `npm run build` first.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
