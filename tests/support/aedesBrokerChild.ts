// The embedded broker in a process of its own, so a test can kill -9 or SIGSTOP it like Mosquitto.
// Argument: JSON { dir, port, tlsPort?, wsPort?, certFile?, keyFile? }. Prints "ready" when listening.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadOrCreateBrokerCredentials } from '../../src/host/hub/brokerCredentials';
import { type BrokerListen, startEmbeddedBroker } from '../../src/host/hub/embeddedBroker';

type Args = {
  dir: string;
  port: number;
  tlsPort?: number;
  wsPort?: number;
  certFile?: string;
  keyFile?: string;
};

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const listen: BrokerListen[] = [{ host: '127.0.0.1', port: args.port }];
if (args.tlsPort !== undefined && args.certFile && args.keyFile) {
  listen.push({
    host: '127.0.0.1',
    port: args.tlsPort,
    tls: { cert: readFileSync(args.certFile), key: readFileSync(args.keyFile) },
  });
}
const broker = await startEmbeddedBroker({ credentials: loadOrCreateBrokerCredentials(args.dir), listen });
if (args.wsPort !== undefined) {
  const http = createServer((_req, res) => res.writeHead(404).end());
  http.on('upgrade', (req, socket, head) => {
    if (!broker.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => http.listen(args.wsPort, '127.0.0.1', resolve));
}
process.on('SIGTERM', () => {
  void broker.close().then(() => process.exit(0));
});
process.stdout.write('ready\n');
