// Finds clamd (ClamAV's daemon) for the API tests, which scan uploads with a real scanner; as root,
// installs Debian's clamav-daemon when it is missing. The tests start their own clamd with a
// one-signature database: no signature download is needed.
import { ensureDebianProgram } from './debian-package.mjs';

export const ensureClamd = () =>
  ensureDebianProgram({ binary: '/usr/sbin/clamd', override: 'CLAMD_PATH', pkg: 'clamav-daemon', purpose: 'the API tests (uploads are scanned)' });

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(ensureClamd());
}
