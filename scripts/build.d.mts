/** Types of build.mjs for the TypeScript that imports it (cluster/, bench/). */
export const webDist: string;
export const serverDist: string;
export function buildWeb(): Promise<void>;
export function buildServer(): Promise<void>;
