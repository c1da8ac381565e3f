// Every browser the build targets (es2020) has ResizeObserver; vite.config.ts aliases the
// `resize-observer-polyfill` package that rc-resize-observer imports (~8 KB gzip) to this.
export default globalThis.ResizeObserver;
