import type { MqttClient } from 'mqtt';

/** Resolves on the client's first connection; rejects with the first error before it (a wrong password, no broker). */
export function firstConnection(client: MqttClient): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onConnect = (): void => {
      client.off('error', onError);
      resolve();
    };
    const onError = (err: Error): void => {
      client.off('connect', onConnect);
      reject(err);
    };
    client.once('connect', onConnect);
    client.once('error', onError);
  });
}
