// Finds a Chromium for the end-to-end tests: CHROMIUM_PATH, then Debian's /usr/bin/chromium.
// When none is found and we are root on Debian, installs Debian's `chromium` package with apt-get
// (never a browser download); otherwise says exactly how to get one.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  return CANDIDATES.find((path) => existsSync(path));
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      'No Chromium found. Install Debian\'s package with "sudo apt-get install -y chromium", ' +
        'or set CHROMIUM_PATH to a Chromium/Chrome binary.',
    );
  }
  console.warn('No Chromium found: installing Debian\'s "chromium" package with apt-get…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const installed = findChromium();
  if (!installed) throw new Error('apt-get finished but /usr/bin/chromium is still missing.');
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.warn(ensureChromium());
}
