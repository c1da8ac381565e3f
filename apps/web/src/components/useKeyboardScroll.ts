import { useEffect, useRef } from 'react';
import { focusableScrollRegions } from '../lib/antd-aria';

/**
 * Sideways-scrolling tables reachable by keyboard (`focusableScrollRegions`) for a table outside
 * the business system's layout (the public pages), which does the same for every page inside it.
 */
export function useKeyboardScroll<T extends HTMLElement = HTMLDivElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (ref.current) focusableScrollRegions(ref.current);
  });
  return ref;
}
