import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/web/app.js';
import type { TestContext } from './context.js';

export async function startServer(ctx: TestContext): Promise<{ server: Server; base: string }> {
  const app = createApp(ctx);
  const server = app.listen(0, '127.0.0.1');
  server.on('close', () => void (app.locals.sluit as () => Promise<void>)());
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
