// `npm run soak`: thousands of slide changes through marquee serve and Chromium; exits 1 when a limit is missed.
import { formatSoak, runSoak } from './soakRun';

const changes = Number(process.env.SOAK_CHANGES ?? 5000);
const speed = Number(process.env.SOAK_SPEED ?? 5);
const result = await runSoak({
  changes,
  speed,
  timeoutMs: Math.max(300_000, changes * 1000),
  progress: (line) => process.stdout.write(`${line}\n`),
});
process.stdout.write(`\n${formatSoak(result)}`);
process.exitCode = result.ok ? 0 : 1;
