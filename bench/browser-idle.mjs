// Waits until a just-launched Chromium has finished starting: its processes (every process whose
// command is chromium's; the bench runs one browser at a time) use less than 5% of a core over
// two 100 ms intervals in a row, or 5 s have passed. A page opened earlier shares the two cores
// with the browser's own start-up, which a learner's page, opened in a running browser, does not.
import fs from 'node:fs';

const ticks = 100;  // USER_HZ on Linux

function chromiumCpuMs() {
  let total = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0')[0].includes('chromium')) continue;
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'latin1').split(') ')[1].split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * 1000 / ticks;  // utime + stime
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

/// Resolves with the ms waited.
export async function browserIdle({ interval = 100, quiet = 5, times = 2, limit = 5000 } = {}) {
  const start = Date.now();
  let last = chromiumCpuMs();
  let calm = 0;
  while (Date.now() - start < limit) {
    await new Promise((resolve) => setTimeout(resolve, interval));
    const now = chromiumCpuMs();
    calm = now - last < quiet ? calm + 1 : 0;
    last = now;
    if (calm >= times) break;
  }
  return Date.now() - start;
}
