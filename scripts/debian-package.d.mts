/** Types of debian-package.mjs for the TypeScript that imports it (cluster/). */
export function ensureDebianProgram(opts: { binary: string; override: string; pkg: string; purpose: string }): string;
