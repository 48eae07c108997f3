// A fake screen in a process of its own, so a test can kill -9 it and see its last will.
// Argument: JSON { url, login, groups, keepalive }. Prints "ready" once its status is out.
import type { BrokerLogin } from './brokers';
import { startFakeScreen } from './fakeScreen';

const args = JSON.parse(process.argv[2] ?? '{}') as {
  url: string;
  login: BrokerLogin;
  groups: string[];
  keepalive: number;
};
await startFakeScreen(args.url, args.login, args.groups, args.keepalive);
process.stdout.write('ready\n');
