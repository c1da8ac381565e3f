import { useSyncExternalStore } from 'react';

/**
 * 大字版 (the national 互联网应用适老化 programme): larger type, higher contrast and bigger click
 * targets, switched on per browser and remembered there. One store, read by the theme and by the
 * switches in the headers.
 */
const KEY = 'jhrm_large_type';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

let current = typeof window === 'undefined' ? false : read();

export function setLargeType(on: boolean): void {
  current = on;
  try {
    if (on) window.localStorage.setItem(KEY, '1');
    else window.localStorage.removeItem(KEY);
  } catch {
    // private mode: on for this page only
  }
  document.documentElement.classList.toggle('large-type', on);
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLargeType(): boolean {
  return useSyncExternalStore(subscribe, () => current, () => false);
}

/** antd's tokens of 大字版: 18 px type, 44 px controls, darker secondary text and borders. */
export const LARGE_TYPE_TOKENS = {
  fontSize: 18,
  fontSizeSM: 16,
  fontSizeLG: 20,
  controlHeight: 44,
  controlHeightSM: 36,
  controlHeightLG: 52,
  colorText: 'rgba(0, 0, 0, 0.95)',
  colorTextSecondary: 'rgba(0, 0, 0, 0.8)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.72)',
  colorTextDescription: 'rgba(0, 0, 0, 0.72)',
  colorBorder: '#8c8c8c',
} as const;

if (typeof document !== 'undefined') document.documentElement.classList.toggle('large-type', current);
