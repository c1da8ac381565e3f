import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TInstitutionListItem, TPage } from '@jhrm/contracts';
import { api } from '../../../lib/api-client';

export const institutionKeys = {
  all: ['institutions'] as const,
  unitList: (page: number, pageSize: number) => ['institutions', 'unit-list', { page, pageSize }] as const,
};

/** The signed-in unit's institutions (the server takes the unit from the session). */
export function useUnitInstitutions(page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: institutionKeys.unitList(page, pageSize),
    queryFn: ({ signal }) =>
      api.get<TPage<TInstitutionListItem>>('/api/institutions', { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
