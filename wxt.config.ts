import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { normalizeZip } from './scripts/normalize-zip';

// Host access is ACE only, in every build: tests serve the mock portal at ACE's real addresses.
export const aceHostPattern = 'https://*.cbp.dhs.gov/*';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox too gets Manifest V3 (WXT's default for Firefox is MV2).
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    build: {
      // papaparse (CommonJS) would otherwise run its setup in every bundle that imports a module using it, the content script
      // included, where no CSV is ever parsed.
      rollupOptions: { treeshake: { moduleSideEffects: (id: string) => !/[\\/]node_modules[\\/]papaparse[\\/]/.test(id) } },
    },
  }),
  zip: {
    // The sources zip is for AMO's reviewers: what builds the extension, not local output, test data or logs.
    excludeSources: ['cape-out/**', 'test-results/**', 'playwright-report/**', 'tests/**', '**/*.log', 'stats.html'],
  },
  // JSZip stamps every entry with the time of zipping: rewritten so equal inputs give byte-identical zips.
  hooks: {
    'zip:extension:done': (_wxt, zipPath) => normalizeZip(zipPath),
    'zip:sources:done': (_wxt, zipPath) => normalizeZip(zipPath),
  },
  manifest: ({ browser }) => ({
    name: 'CAPE Companion',
    description: 'Stage, check and track CAPE Declarations (IEEPA duty refunds) in the ACE Portal. Nothing leaves your browser.',
    // contextMenus: the toolbar icon's right-click item that opens the side panel (issue 4).
    permissions: browser === 'firefox' ? ['storage', 'contextMenus'] : ['storage', 'sidePanel', 'contextMenus'],
    host_permissions: [aceHostPattern],
    // Toolbar sizes (1x and 2x); WXT fills `icons` from public/icon/<size>.png, drawn by scripts/render-icons.ts.
    action: { default_title: 'CAPE Companion', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140 (an ESR): the overlay's tooltip needs the popover API (125) and the data consent key needs 140 (Android: 142).
            gecko: { id: 'cape-companion@cape-companion.app', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
