type PgError = { code?: string; constraint?: string; message?: string; cause?: unknown };

/** The error and the errors it wraps (drizzle wraps the driver's), outermost first. */
function* chain(err: unknown): Generator<PgError> {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as PgError).cause) yield e as PgError;
}

/** The name of the unique constraint a statement violated, on either engine; null for other errors. */
export function uniqueViolation(err: unknown): string | null {
  for (const o of chain(err)) if (o.code === '23505') return o.constraint ?? o.message ?? 'unique';
  return null;
}

/**
 * True when the database refused text it cannot store (NUL in text, `\u0000` in jsonb, bytes that
 * are not UTF-8): SQLSTATE 22021 character_not_in_repertoire, 22P05 untranslatable_character.
 * Input checks stop such text at the edge; this keeps anything that slips past a 400, not a 500.
 */
export function unstorableText(err: unknown): boolean {
  for (const o of chain(err)) if (o.code === '22021' || o.code === '22P05') return true;
  return false;
}
