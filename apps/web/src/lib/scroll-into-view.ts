// antd's Form (scrollToField, scrollToFirstError) imports `scroll-into-view-if-needed`, ~2 KB gzip
// on the login page's first paint. vite.config.ts aliases that package to this: the browser's
// own Element.scrollIntoView with the same options (`block`, `inline`, `behavior`) and the same
// defaults, and `scrollMode: 'if-needed'` as "leave it when it is already fully in view".
type Options = {
  block?: ScrollLogicalPosition;
  inline?: ScrollLogicalPosition;
  behavior?: ScrollBehavior | unknown;
  scrollMode?: 'always' | 'if-needed';
};

function fullyInView(node: Element): boolean {
  const r = node.getBoundingClientRect();
  return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
}

export default function scrollIntoView(node: Element, options?: boolean | Options): void {
  if (!node.isConnected) return;
  if (typeof options !== 'object' || options === null || Object.keys(options).length === 0) {
    // as the package: false → block end, anything else → block start; inline nearest
    node.scrollIntoView({ block: options === false ? 'end' : 'start', inline: 'nearest' });
    return;
  }
  if (options.scrollMode === 'if-needed' && fullyInView(node)) return;
  const behavior = options.behavior === 'smooth' || options.behavior === 'instant' ? options.behavior : 'auto';
  node.scrollIntoView({ block: options.block ?? 'center', inline: options.inline ?? 'nearest', behavior });
}
