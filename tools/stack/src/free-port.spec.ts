import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { findFreePort } from './free-port';

describe('findFreePort', () => {
  it('returns a port that a server can listen on', async () => {
    const port = await findFreePort();
    const server = createServer();

    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
    try {
      expect(server.address()).toMatchObject({ port });
    } finally {
      server.close();
    }
  });
});
