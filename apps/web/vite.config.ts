import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress';

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

/**
 * First-paint trimming for the login page (its budget is 170 KB gzip of JS + CSS):
 * - antd's Form.Item label imports Tooltip for its optional `tooltip` prop; that one import
 *   loads Tooltip lazily instead (src/lib/form-label-tooltip.tsx), taking rc-trigger, portals and
 *   positioning off the login page; likewise the button's click ripple (src/lib/wave-effect.ts);
 * - `resize-observer-polyfill` becomes the browser's own ResizeObserver (every es2020 browser has it),
 *   and `scroll-into-view-if-needed` the browser's own Element.scrollIntoView (src/lib/scroll-into-view.ts).
 */
function firstPaintTrim(): Plugin {
  const lazyTooltip = fileURLToPath(new URL('./src/lib/form-label-tooltip.tsx', import.meta.url));
  const resizeObserver = fileURLToPath(new URL('./src/lib/resize-observer.ts', import.meta.url));
  const waveEffect = fileURLToPath(new URL('./src/lib/wave-effect.ts', import.meta.url));
  const scrollIntoView = fileURLToPath(new URL('./src/lib/scroll-into-view.ts', import.meta.url));
  return {
    name: 'jhrm-first-paint-trim',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'resize-observer-polyfill') return resizeObserver;
      if (source === 'scroll-into-view-if-needed') return scrollIntoView;
      if (source === './WaveEffect' && importer && /[/\\]antd[/\\]es[/\\]_util[/\\]wave[/\\]useWave\.js$/.test(importer)) return waveEffect;
      if (source === '../tooltip' && importer && /[/\\]antd[/\\]es[/\\]form[/\\]FormItemLabel\.js$/.test(importer)) return lazyTooltip;
      return null;
    },
  };
}

/** Where `vite` (dev) and `vite preview` send /api; the server's default port unless overridden. */
const apiTarget = process.env.JHRM_API_URL ?? 'http://localhost:3000';

export default defineConfig(({ command }) => ({
  // brotli and gzip copies of every text file, served as they are by the server (decision 0019)
  plugins: [react(), firstPaintTrim(), precompress()],
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
      // zod's sources carry explanatory comments next to @__PURE__ annotations; Rollup drops them
      // and says so on every build, in words that read like an error. Nothing is lost: silence that one.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
        warn(warning);
      },
    },
  },
}));
