import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Host access is ACE only, in every build: tests serve the mock portal at ACE's real addresses.
export const aceHostPattern = 'https://*.cbp.dhs.gov/*';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox too gets Manifest V3 (WXT's default for Firefox is MV2).
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'CAPE Companion',
    description: 'Stage, check and track CAPE Declarations (IEEPA duty refunds) in the ACE Portal. Nothing leaves your browser.',
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'sidePanel'],
    host_permissions: [aceHostPattern],
    action: { default_title: 'CAPE Companion' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'cape-companion@cape-companion.app', strict_min_version: '128.0' } } }
      : {}),
  }),
});
