import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { SESSION_STORAGE_PREFIX } from '../../lib/session';
import type { HrRoute } from './hr-routes';
import { findRoute } from './hr-routes';
import { closeTab, HOME_TAB, normalizeTabs, openTab } from './tabs';

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
export function useHrTabs(routes: readonly HrRoute[]) {
  const location = useLocation();
  const navigate = useNavigate();
  const isKnown = useCallback((path: string) => findRoute(path, routes) !== undefined, [routes]);
  const [paths, setPaths] = useState<string[]>(() => {
    const stored = load();
    return normalizeTabs(Array.isArray(stored) ? stored.filter((p) => typeof p === 'string') : [], isKnown);
  });

  const current = location.pathname.length > 1 ? location.pathname.replace(/\/+$/, '') : location.pathname;
  const active = isKnown(current) ? current : null;

  useEffect(() => {
    if (active) setPaths((prev) => (prev.includes(active) ? prev : openTab(prev, active)));
  }, [active]);

  useEffect(() => save(paths), [paths]);

  const tabs: HrTab[] = useMemo(
    () =>
      paths.map((p) => ({ key: p, label: findRoute(p, routes)?.name ?? p, closable: p !== HOME_TAB })),
    [paths, routes],
  );

  const activate = useCallback((path: string) => void navigate(path), [navigate]);

  const close = useCallback(
    (path: string) => {
      const result = closeTab(paths, path, active ?? HOME_TAB);
      setPaths(result.tabs);
      if (path === active) void navigate(result.active);
    },
    [paths, active, navigate],
  );

  return { tabs, active, activate, close };
}
