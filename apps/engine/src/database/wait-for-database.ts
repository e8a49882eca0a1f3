import { Client } from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';

/** Errors that mean "not reachable yet" (down, restarting, starting up), as opposed to a wrong setting. */
const NOT_YET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', '57P03', '57P01']);

/**
 * An engine restarted while PostgreSQL restarts (a crash, a failover) waits for it instead of exiting: it
 * retries for up to `timeoutMs`, saying so once. A wrong password or database fails at once.
 */
export async function waitForDatabase(databaseUrl: string, log: (line: string) => void, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let said = false;
  for (;;) {
    const client = new Client({ connectionString: databaseUrl, application_name: 'postino-startup-check' });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      const code = (error as { code?: string }).code ?? '';
      if (!NOT_YET.has(code) || Date.now() > deadline) throw error;
      if (!said) log(`PostgreSQL is not reachable yet (${code}); waiting up to ${timeoutMs / 1000} s`);
      said = true;
      await sleep(500);
    }
  }
}
