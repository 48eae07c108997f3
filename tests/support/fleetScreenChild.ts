// Real fleet screens (startShow + fleet link, renderer stand-in) in a process of their own, so a test can
// kill -9 them and a benchmark can spread screens over cores. Argument: JSON { url, dir, tuning?, screens:
// [{ login, groups }] }. Prints "ready" once every show runs; with an IPC channel it sends each
// acknowledged slide as { screen, slide, seq, at }.
import { join } from 'node:path';
import type { FleetTuning } from '../../src/host/fleet/fleetPart';
import type { BrokerLogin } from './brokers';
import { type FleetScreen, startFleetScreen } from './fleetScreens';

type Args = {
  url: string;
  dir: string;
  tuning?: FleetTuning;
  screens: { login: BrokerLogin; groups: string[] }[];
};

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const running: FleetScreen[] = [];
for (const { login, groups } of args.screens) {
  const screen = await startFleetScreen({
    url: args.url,
    login,
    groups,
    dir: join(args.dir, login.username),
    ...(args.tuning === undefined ? {} : { tuning: args.tuning }),
  });
  screen.onPresented((p) => process.send?.({ screen: screen.name, ...p }));
  running.push(screen);
}
process.on('SIGTERM', () => {
  void Promise.all(running.map((s) => s.dispose())).then(() => process.exit(0));
});
process.stdout.write('ready\n');
