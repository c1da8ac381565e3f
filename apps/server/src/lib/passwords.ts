import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id, m=19 MiB, t=2, p=1 (the OWASP baseline).
export const hashPassword = (password: string) => hash(password);

/** A hash of a random password, verified against when the account does not exist, so timing does not reveal accounts. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$0dN7VL/X+wD1cP5bwIjivQ$V9I7gpJRYIvUQcQp0aFrNh0bz0ibJSx3yj4SaN0yLuk';

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(storedHash ?? DUMMY_HASH, password);
    return storedHash !== null && ok;
  } catch {
    return false;
  }
}
