/** Escapes LIKE / ILIKE wildcards (backslash is PostgreSQL's default escape), so user text matches literally. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
