/** The name of the unique constraint a statement violated, on either engine; null for other errors. */
export function uniqueViolation(err: unknown): string | null {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const o = e as { code?: string; constraint?: string; message?: string };
    if (o.code === '23505') return o.constraint ?? o.message ?? 'unique';
  }
  return null;
}
