import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate, useNavigationType } from 'react-router-dom';
import { SESSION_STORAGE_PREFIX } from '../../lib/session';
import { tabLabel } from '../../lib/tab-subject';
import type { HrRoute } from './hr-routes';
import { findRoute } from './hr-routes';
import { closeTab, HOME_TAB, normalizeTabs, openTab, replaceTab } from './tabs';

const STORAGE_KEY = SESSION_STORAGE_PREFIX + 'hr_tabs';

function load(): unknown {
  try {
    return JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? '[]');
  } catch {
    return [];
  }
}

function save(tabs: readonly string[]): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(tabs));
  } catch {
    // Private mode or a full quota: the tabs simply do not survive a reload.
  }
}

export interface HrTab {
  key: string;
  label: string;
  closable: boolean;
}

/**
 * Open tabs follow navigation: visiting a page (menu, link, URL) opens or activates its tab;
 * closing the active tab navigates to its neighbour. Kept in sessionStorage so a reload keeps them.
 */
export function useHrTabs(routes: readonly HrRoute[], subjects: Readonly<Record<string, string>> = {}) {
  const location = useLocation();
  const navigate = useNavigate();
  const isKnown = useCallback((path: string) => findRoute(path, routes) !== undefined, [routes]);
  const [paths, setPaths] = useState<string[]>(() => {
    const stored = load();
    return normalizeTabs(Array.isArray(stored) ? stored.filter((p) => typeof p === 'string') : [], isKnown);
  });

  const current = location.pathname.length > 1 ? location.pathname.replace(/\/+$/, '') : location.pathname;
  const active = isKnown(current) ? current : null;

  // A page that replaced its own URL (a new draft's first 保存) keeps its tab; only on that
  // navigation itself, not when the history entry is revisited (Back restores the state too).
  const navigationType = useNavigationType();
  const replacesState = (location.state as { replacesTab?: unknown } | null)?.replacesTab;
  const replaces = navigationType === 'REPLACE' ? replacesState : undefined;
  /** Closing the active tab: it goes only once the page has been left (a page may refuse, e.g. unsaved changes). */
  const pendingClose = useRef<{ path: string; to: string } | null>(null);

  useEffect(() => {
    if (!active) return;
    const closing = pendingClose.current?.to === active ? pendingClose.current.path : null;
    if (closing) pendingClose.current = null;
    setPaths((prev) => {
      const next = closing ? prev.filter((t) => t !== closing) : prev;
      if (next.includes(active)) return next;
      return typeof replaces === 'string' ? replaceTab(next, replaces, active) : openTab(next, active);
    });
  }, [active, replaces]);

  useEffect(() => save(paths), [paths]);

  const tabs: HrTab[] = useMemo(
    () =>
      paths.map((p) => ({ key: p, label: tabLabel(findRoute(p, routes)?.name ?? p, subjects[p]), closable: p !== HOME_TAB })),
    [paths, routes, subjects],
  );

  const activate = useCallback(
    (path: string) => {
      pendingClose.current = null;
      void navigate(path);
    },
    [navigate],
  );

  const close = useCallback(
    (path: string) => {
      const result = closeTab(paths, path, active ?? HOME_TAB);
      if (path !== active) {
        setPaths(result.tabs);
        return;
      }
      pendingClose.current = { path, to: result.active };
      void navigate(result.active);
    },
    [paths, active, navigate],
  );

  return { tabs, active, activate, close };
}
