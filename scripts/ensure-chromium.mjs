// Finds Chromium for the browser journeys; as root, installs Debian's package when it is missing.
// Never lets the journeys be skipped silently: without a browser the test run stops here.
import { execSync } from 'node:child_process';
import { ensureDebianProgram } from './debian-package.mjs';

export const ensureChromium = () =>
  ensureDebianProgram({ binary: '/usr/bin/chromium', override: 'CHROMIUM_PATH', pkg: 'chromium', purpose: 'the browser journeys' });

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(ensureChromium());
  execSync(`${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'} --version`, { stdio: 'inherit' });
}
