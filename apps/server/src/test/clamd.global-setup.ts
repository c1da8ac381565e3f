import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startClamd } from './clamd';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the Unix socket of the clamd every API test file scans uploads with */
    clamdSocket: string;
  }
}

/** One clamd for the whole API run (every test file's app scans through it); stopped at the end. */
export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '../../../..');
  // finds clamd, installing Debian's package as root; exits with a one-line hint otherwise
  const found = spawnSync(process.execPath, [path.join(root, 'scripts/ensure-clamav.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (found.status !== 0) throw new Error('clamd is required for the API tests (see the message above)');
  const clamd = await startClamd(found.stdout.trim().split('\n').pop());
  console.log(`clamd (test signature database) ready in ${clamd.startMs} ms`);
  project.provide('clamdSocket', clamd.socket);
  return () => clamd.stop();
}
