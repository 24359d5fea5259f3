import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vitest/config';
import manifest from './manifest.json' with { type: 'json' };

const GECKO_ID = 'hallway@hallway.app';

/**
 * Firefox takes MV3 with `background.scripts` (no service workers for extensions yet), and crxjs
 * crashes on `service_worker` when building for Firefox, so the variant is derived here, once.
 */
function firefoxManifest(): ManifestV3Export {
  const { background, ...rest } = manifest;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        // Firefox asks new extensions to declare what they collect: Hallway sends nothing anywhere.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  } as unknown as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const isFirefox = mode === 'firefox';
  const isTest = Boolean(process.env.VITEST);
  return {
    plugins: isTest
      ? []
      : [
          crx({
            manifest: isFirefox ? firefoxManifest() : (manifest as ManifestV3Export),
            browser: isFirefox ? 'firefox' : 'chrome',
          }),
        ],
    build: {
      outDir: isFirefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // Extension bundles load from disk; splitting only adds requests and loader code.
      modulePreload: false,
      rollupOptions: {
        // The hover card page is not named in the manifest (it is framed by the content script).
        input: { hovercard: 'src/hovercard/index.html' },
      },
    },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
            environment: 'node',
            setupFiles: ['test/unit/setup.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            include: ['test/e2e/**/*.test.ts'],
            environment: 'node',
            testTimeout: 60_000,
            hookTimeout: 60_000,
            // One Chromium at a time: the machine has two cores.
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
