// `npm run soak`: thousands of slide changes through marquee serve and Chromium; exits 1 when a limit is missed.
import { loadavg } from 'node:os';
import { DEFAULT_SOAK_SPEED, formatSoak, runSoak } from './soakRun';

const changes = Number(process.env.SOAK_CHANGES ?? 5000);
const speed = Number(process.env.SOAK_SPEED ?? DEFAULT_SOAK_SPEED);
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
process.stdout.write(`soak: ${changes} changes at clock speed ${speed}; load average ${load()}\n`);
const result = await runSoak({
  changes,
  speed,
  timeoutMs: Math.max(300_000, changes * 2000),
  progress: (line) => process.stdout.write(`${line}\n`),
});
process.stdout.write(`\n${formatSoak(result)}load average at the end: ${load()}\n`);
process.exitCode = result.ok ? 0 : 1;
