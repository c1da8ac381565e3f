import { useEffect, useRef } from 'react';

/**
 * A table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1; axe
 * scrollable-region-focusable): antd renders the scrolling element itself and takes no tabIndex
 * for it, so the wrapper's ref makes every `.ant-table-content` inside focusable.
 */
export function useKeyboardScroll<T extends HTMLElement = HTMLDivElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    for (const el of ref.current?.querySelectorAll<HTMLElement>('.ant-table-content') ?? []) {
      if (!el.hasAttribute('tabindex')) el.tabIndex = 0;
    }
  });
  return ref;
}
