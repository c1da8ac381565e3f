import { createContext, useContext, useEffect } from 'react';
import { useLocation } from 'react-router-dom';

/**
 * What a page is about, for its tab's title: two 查看 tabs of different institutions must not both
 * read 人力资源服务机构查看. The business system's layout provides the setter; a page names its
 * subject with `useTabSubject` (outside the layout it does nothing).
 */
export const TabSubjectContext = createContext<(path: string, subject: string) => void>(() => undefined);

export function useTabSubject(subject: string | null | undefined): void {
  const setSubject = useContext(TabSubjectContext);
  const { pathname } = useLocation();
  useEffect(() => {
    if (subject) setSubject(pathname.replace(/\/+$/, ''), subject);
  }, [setSubject, pathname, subject]);
}

/** A tab's title: the page's name, and its subject when it has one. */
export function tabLabel(pageName: string, subject: string | undefined): string {
  return subject ? `${pageName}：${subject}` : pageName;
}
