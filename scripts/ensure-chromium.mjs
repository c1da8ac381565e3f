// Finds Chromium for the browser journeys; as root, installs Debian's package when it is missing.
// Never lets the journeys be skipped silently: without a browser the test run stops here.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function ensureChromium() {
  const wanted = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(wanted)) return wanted;
  if (process.getuid?.() === 0) {
    console.log('Chromium not found: installing Debian’s chromium package…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const cmd of ['apt-get update -qq', 'apt-get install -y -qq chromium']) {
      const r = spawnSync('sh', ['-c', cmd], { stdio: 'inherit', env });
      if (r.status !== 0) throw new Error(`"${cmd}" failed`);
    }
    if (existsSync(wanted)) return wanted;
  }
  console.error(`Chromium is required for the browser journeys: run \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(ensureChromium());
  execSync(`${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'} --version`, { stdio: 'inherit' });
}
