import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ClamdScanner } from '../lib/malware-scan';

/** The standard antivirus test file (eicar.org): harmless, and every scanner reports it. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
/** The name the tests' signature database gives it, as clamd reports it (unsigned databases get `.UNOFFICIAL`). */
const SIGNATURE_NAME = 'Jhrm.Test.EICAR';
export const EICAR_SIGNATURE = `${SIGNATURE_NAME}.UNOFFICIAL`;

export interface RunningClamd {
  socket: string;
  /** from spawn to the first PONG */
  startMs: number;
  stop(): Promise<void>;
}

/**
 * Starts clamd in a fresh temp dir with a one-signature database (EICAR anywhere in a file, as a
 * body signature), a Unix socket and Debian's stock StreamMaxLength, so uploads meet a real
 * scanner without any signature download. Start-up with this database takes well under a second.
 */
export async function startClamd(binary = process.env.CLAMD_PATH ?? '/usr/sbin/clamd'): Promise<RunningClamd> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jhrm-clamd-'));
  mkdirSync(path.join(dir, 'db'));
  mkdirSync(path.join(dir, 'tmp'));
  writeFileSync(path.join(dir, 'db', 'test.ndb'), `${SIGNATURE_NAME}:0:*:${Buffer.from(EICAR).toString('hex')}\n`);
  const socket = path.join(dir, 'clamd.sock');
  writeFileSync(
    path.join(dir, 'clamd.conf'),
    [
      `LocalSocket ${socket}`,
      'Foreground yes',
      `DatabaseDirectory ${path.join(dir, 'db')}`,
      `TemporaryDirectory ${path.join(dir, 'tmp')}`,
      `LogFile ${path.join(dir, 'clamd.log')}`,
      // Debian's stock limit: the app's scan windows must fit under it
      'StreamMaxLength 25M',
      'AlertExceedsMax yes',
      'Bytecode no',
      'SelfCheck 0',
      'MaxThreads 8',
      '',
    ].join('\n'),
  );
  const started = Date.now();
  const child = spawn(binary, ['-c', path.join(dir, 'clamd.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const scanner = new ClamdScanner({ address: socket, timeoutMs: 1000, connectTimeoutMs: 200 });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  while (!(await scanner.ping())) {
    if (child.exitCode !== null || Date.now() - started > 30_000) {
      await stop();
      throw new Error(`clamd did not start: ${stderr.trim() || `exit code ${child.exitCode}`}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return { socket, startMs: Date.now() - started, stop };
}
