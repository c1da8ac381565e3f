import { useCallback, useEffect, useRef, useState } from 'react';
import { keepPreviousData, useQuery, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import { INITIAL_PAGE } from './pagination';

export interface Paging {
  page: number;
  pageSize: number;
}

/**
 * What a server-paged list shows: its 查询条件, its page, and how often 查询 was pressed. 查询
 * with unchanged conditions is still a new search (the rows change under the list: a reviewer
 * decides, another agent withdraws), so it is counted and the list asks the server again.
 */
/** A list's search state: its conditions, page and 查询 count, and how to change them. */
export interface ListSearch<F> {
  filters: F;
  paging: Paging;
  searches: number;
  search: (filters: F) => void;
  setPaging: (page: number, pageSize: number) => void;
}

export function useListSearch<F>(initial: F): ListSearch<F> {
  const [state, setState] = useState<{ filters: F; paging: Paging; searches: number }>({ filters: initial, paging: INITIAL_PAGE, searches: 0 });
  /** 查询 (and 清空): the conditions, from the first page, always fetched afresh. */
  const search = useCallback((filters: F) => setState((s) => ({ filters, paging: { ...s.paging, page: 1 }, searches: s.searches + 1 })), []);
  const setPaging = useCallback((page: number, pageSize: number) => setState((s) => ({ ...s, paging: { page, pageSize } })), []);
  return { filters: state.filters, paging: state.paging, searches: state.searches, search, setPaging };
}

/**
 * One page of a server-paged list, as every list loads it: never shown from memory alone. It asks
 * the server when the list opens (a page or a tab of the business system's tab bar), when the
 * window regains focus, on every 查询 (`searches` changes), and whenever a write invalidates it;
 * the rows on screen stay while the next page loads.
 */
export function useListQuery<Page>(options: { queryKey: QueryKey; queryFn: (ctx: { signal: AbortSignal }) => Promise<Page>; searches?: number }): UseQueryResult<Page, Error> {
  const { queryKey, queryFn, searches = 0 } = options;
  const query = useQuery({ queryKey, queryFn, placeholderData: keepPreviousData, staleTime: 0, refetchOnWindowFocus: true });
  const { refetch } = query;
  const seen = useRef(searches);
  // After useQuery's own effect has moved to a changed key (and started its fetch): an unchanged
  // key is fetched again here; a fetch already under way for a new key is reused, not repeated.
  useEffect(() => {
    if (searches === seen.current) return;
    seen.current = searches;
    void refetch({ cancelRefetch: false });
  }, [searches, refetch]);
  return query;
}
