import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { build, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { withSites } from './src/build/manifest.ts';
import manifestJson from './manifest.json' with { type: 'json' };
import { SITE_LIST } from './src/shared/sites.ts';

/** manifest.json with the sites' host lists written in, for both browsers. */
const sourceManifest = withSites(manifestJson, SITE_LIST);

/** `content.js` for src/content/index.ts, `content-guard.js` for src/content/guard.ts. */
function contentScriptFile(entry: string): string {
  const name = basename(entry, '.ts');
  return name === 'index' ? 'content.js' : `content-${name}.js`;
}

/**
 * The content scripts are built here, each as one classic script, not by crxjs: crxjs loads content
 * scripts as modules through a loader and lists their chunks as web-accessible on every matched site,
 * which lets those sites probe for Hallway, costs a dynamic import on every page load, and would let a
 * page script run before the document_start key guard.
 */
function contentScripts(outDir: string): Plugin {
  const entries = [...new Set(manifestJson.content_scripts.flatMap((script) => script.js))];
  return {
    name: 'hallway-content-scripts',
    apply: 'build',
    async writeBundle() {
      for (const entry of entries) {
        await build({
          configFile: false,
          logLevel: 'warn',
          build: {
            outDir,
            emptyOutDir: false,
            target: 'es2022',
            sourcemap: false,
            lib: { entry, formats: ['iife'], name: 'hallway', fileName: () => contentScriptFile(entry) },
          },
        });
      }
      const path = join(outDir, 'manifest.json');
      const built = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      built.content_scripts = sourceManifest.content_scripts.map((script) => ({ ...script, js: script.js.map(contentScriptFile) }));
      writeFileSync(path, `${JSON.stringify(built, null, 2)}\n`);
    },
  };
}

/** What crxjs builds: everything but the content script (see contentScript above). */
const { content_scripts: _contentScripts, ...manifest } = sourceManifest;

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
  const outDir = isFirefox ? 'dist-firefox' : 'dist';
  return {
    plugins: isTest
      ? []
      : [
          crx({
            manifest: isFirefox ? firefoxManifest() : (manifest as unknown as ManifestV3Export),
            browser: isFirefox ? 'firefox' : 'chrome',
          }),
          contentScripts(outDir),
        ],
    build: {
      outDir,
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
            include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/lint/**/*.test.ts'],
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
            // One browser at a time (Chromium or Firefox): the machine has two cores.
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
