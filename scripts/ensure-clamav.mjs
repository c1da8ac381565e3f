// Finds clamd (ClamAV's daemon) for the API tests, which scan uploads with a real scanner; as root,
// installs Debian's clamav-daemon when it is missing. Never lets the scans be skipped silently.
// The tests start their own clamd with a one-signature database: no signature download is needed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function ensureClamd() {
  const wanted = process.env.CLAMD_PATH ?? '/usr/sbin/clamd';
  if (existsSync(wanted)) return wanted;
  if (process.getuid?.() === 0) {
    console.log('clamd not found: installing Debian’s clamav-daemon package…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    // another apt-get (e.g. the Chromium install) may hold the lock for a while
    const apt = 'apt-get -o DPkg::Lock::Timeout=600';
    for (const cmd of [`${apt} update -qq`, `${apt} install -y -qq --no-install-recommends clamav-daemon`]) {
      const r = spawnSync('sh', ['-c', cmd], { stdio: 'inherit', env });
      if (r.status !== 0) throw new Error(`"${cmd}" failed`);
    }
    if (existsSync(wanted)) return wanted;
  }
  console.error('clamd is required for the API tests (uploads are scanned): run `sudo apt-get install -y clamav-daemon` (or set CLAMD_PATH).');
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(ensureClamd());
}
