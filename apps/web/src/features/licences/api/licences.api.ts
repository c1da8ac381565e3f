import { useQuery } from '@tanstack/react-query';
import type { TLicenceVerification, TUnitLicence } from '@jhrm/contracts';
import { api } from '../../../lib/api-client';

export const licenceKeys = {
  unit: (institutionId: string) => ['licences', 'unit', institutionId] as const,
  verify: (number: string, attempt: number, edition?: number) => ['licences', 'verify', number, attempt, edition ?? null] as const,
};

/** 许可证/备案凭证 of one of the unit's institutions, newest first. */
export function useUnitLicences(institutionId: string) {
  return useQuery({
    queryKey: licenceKeys.unit(institutionId),
    queryFn: ({ signal }) => api.get<TUnitLicence[]>('/api/licences', { query: { institutionId }, signal }),
    enabled: !!institutionId,
  });
}

/**
 * One verification. The server counts each, so it runs once per 查询 (the attempt number keys a
 * new one), never again on focus or remount; an unknown number is an answer, not a retry case.
 */
export function useLicenceVerification(number: string, attempt: number, edition?: number) {
  return useQuery({
    queryKey: licenceKeys.verify(number, attempt, edition),
    queryFn: ({ signal }) =>
      api.get<TLicenceVerification>('/api/public/licences/verify', { query: edition ? { number, edition: String(edition) } : { number }, signal, skipAuthRedirect: true }),
    enabled: number.length > 0,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}
