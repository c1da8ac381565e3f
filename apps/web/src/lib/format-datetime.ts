import dayjs from 'dayjs';

/** An ISO timestamp from the API as local 'YYYY-MM-DD HH:mm' ('' for none, the input if unparseable). */
export function formatDateTime(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm') : iso;
}
