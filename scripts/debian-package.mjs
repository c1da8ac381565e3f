// Finds a program a test suite needs; as root, installs the Debian package that provides it when
// it is missing. Without it the run stops here with a one-line hint: suites are never skipped silently.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** `binary` (overridable by the environment variable `override`), installed from `pkg` as root; its path. */
export function ensureDebianProgram({ binary, override, pkg, purpose }) {
  const wanted = process.env[override] ?? binary;
  if (existsSync(wanted)) return wanted;
  if (process.getuid?.() === 0) {
    console.log(`${wanted} not found: installing Debian’s ${pkg} package…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    // another install (a parallel run, another suite) may hold the dpkg lock for a while
    const apt = 'apt-get -o DPkg::Lock::Timeout=600';
    for (const cmd of [`${apt} update -qq`, `${apt} install -y -qq ${pkg}`]) {
      const r = spawnSync('sh', ['-c', cmd], { stdio: 'inherit', env });
      if (r.status !== 0) throw new Error(`"${cmd}" failed`);
    }
    if (existsSync(wanted)) return wanted;
  }
  console.error(`${pkg} is required for ${purpose}: run \`sudo apt-get install -y ${pkg}\` (or set ${override}).`);
  process.exit(1);
}
