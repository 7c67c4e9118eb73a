// Finds the Chromium the tests drive: CHROMIUM_PATH, then /usr/bin/chromium; as root on Debian, installs it with apt.
import { accessSync, constants, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const debianChromium = '/usr/bin/chromium';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findChromium({ install = true, log = console.error } = {}) {
  const fromEnvironment = process.env.CHROMIUM_PATH;
  if (fromEnvironment) {
    if (isExecutable(fromEnvironment)) return fromEnvironment;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnvironment}, but no executable is there. Point it at a Chromium or Chrome binary, or unset it to use ${debianChromium}.`);
  }
  if (isExecutable(debianChromium)) return debianChromium;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (install && isRoot && existsSync('/etc/debian_version')) {
    log('No Chromium found: installing Debian\'s chromium package with apt (about a minute)...');
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const add = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (add && add.status === 0 && isExecutable(debianChromium)) return debianChromium;
    throw new Error('apt-get could not install chromium. Install it by hand (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.');
  }
  throw new Error(
    'No Chromium found. Install one: on Debian or Ubuntu run `sudo apt-get install chromium` (Ubuntu: `chromium-browser`), ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary. The tests never download a browser.',
  );
}
