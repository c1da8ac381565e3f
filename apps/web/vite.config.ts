import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Long-lived vendor code gets its own chunks so a deploy of app code does not invalidate it.
 * Only code every route needs at first paint is grouped here: antd, pro-components and the
 * icons are left to Rollup's per-route splitting, so ProLayout stays out of the login page.
 */
function manualChunks(id: string): string | undefined {
  if (!id.includes('/node_modules/')) return undefined;
  if (/\/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
  if (/\/node_modules\/(react-router|react-router-dom|cookie|set-cookie-parser)\//.test(id)) return 'router';
  if (/\/node_modules\/@tanstack\//.test(id)) return 'query';
  return undefined;
}

/**
 * react-router 7 resolves to its development build under every condition; production bundles
 * alias it to the production build (no dev warnings, ~10 KB gzip smaller on the login page).
 */
function reactRouterProductionAliases() {
  const toProd = (specifier: string) =>
    new URL(import.meta.resolve(specifier).replace('/dist/development/', '/dist/production/')).pathname;
  return [
    { find: /^react-router$/, replacement: toProd('react-router') },
    { find: /^react-router\/dom$/, replacement: toProd('react-router/dom') },
  ];
}

/** Where `vite` (dev) and `vite preview` send /api; the server's default port unless overridden. */
const apiTarget = process.env.JHRM_API_URL ?? 'http://localhost:3000';

export default defineConfig(({ command }) => ({
  plugins: [react()],
  resolve: {
    alias: command === 'build' ? reactRouterProductionAliases() : [],
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    port: 4173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The bundle report (scripts/bundle-report.mjs) reads the manifest to follow static imports.
    manifest: true,
    target: 'es2020',
    // The business shell is one lazy chunk by design (ProLayout); the budget is checked by the report.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: { manualChunks },
    },
  },
}));
