import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    pool: 'threads',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/integration/**', 'test/**/*.int.test.ts'],
        },
      },
      {
        // Real PostgreSQL (and later real git remotes): the server is found or started once per run by the
        // global setup, which runs only when a file of this project is selected. Files run one at a time,
        // after the unit tests, so lock tests never compete with each other for the server or the CPU.
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.int.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 10_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
