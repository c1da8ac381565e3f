import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** user + system CPU seconds a Linux process has used, or null without /proc */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the parenthesised command name; utime and stime are fields 14 and 15
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks();
  } catch {
    return null;
  }
}

/** CPU seconds of every process named `comm` (all PostgreSQL backends: `postgres`), or null */
function commandCpuSeconds(comm: string): number | null {
  let total = 0;
  let found = false;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (name !== comm) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / clockTicks();
      found = true;
    } catch {
      // the process ended meanwhile
    }
  }
  return found ? total : null;
}

/** busy and total jiffies of the whole machine (/proc/stat), or null */
function systemTicks(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const total = values.reduce((a, b) => a + b, 0);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/**
 * Starts a CPU measurement; the returned function ends it with, in % of one core, the server
 * process, the local PostgreSQL (every `postgres` process; absent when PostgreSQL runs elsewhere)
 * and this process (the load generator), and the whole machine's busy % of all its cores.
 */
export function startCpuMeasure(pid: number): () => Record<string, number> {
  const t0 = performance.now();
  const p0 = processCpuSeconds(pid);
  const pg0 = commandCpuSeconds('postgres');
  const me0 = process.cpuUsage();
  const s0 = systemTicks();
  return () => {
    const wallS = (performance.now() - t0) / 1000;
    const p1 = processCpuSeconds(pid);
    const pg1 = commandCpuSeconds('postgres');
    const me = process.cpuUsage(me0);
    const s1 = systemTicks();
    const out: Record<string, number> = {};
    if (wallS <= 0) return out;
    if (p0 !== null && p1 !== null) out.serverCpuPercent = Math.round(((p1 - p0) / wallS) * 100);
    // backends that ended during the run drop out of the sum: a lower bound
    if (pg0 !== null && pg1 !== null) out.postgresCpuPercent = Math.max(0, Math.round(((pg1 - pg0) / wallS) * 100));
    out.loadGeneratorCpuPercent = Math.round(((me.user + me.system) / 1e6 / wallS) * 100);
    if (s0 && s1 && s1.total > s0.total) out.machineCpuBusyPercent = Math.round(((s1.busy - s0.busy) / (s1.total - s0.total)) * 100);
    return out;
  };
}
