import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ApiError } from '../../common/http/api-error';
import { RedisConnection } from '../queues/redis-connection';

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES_PER_EMAIL = 10;
const MAX_FAILURES_PER_ADDRESS = 50;

// Check and count in one step: were the check and the increment separate, concurrent guesses would all pass the
// check before any of them was counted. Returns 0 when the attempt is allowed (and counted), else the seconds
// left on the counter that is full. KEYS: counters; ARGV: their limits, then the window.
const RESERVE_ATTEMPT = `
for i, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') >= tonumber(ARGV[i]) then
    return math.max(redis.call('TTL', key), 1)
  end
end
for _, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 then redis.call('EXPIRE', key, ARGV[#KEYS + 1]) end
end
return 0`;

// A successful login was counted as an attempt: forget the account's failures, and give the address its
// attempt back unless its counter has expired meanwhile (DECR would recreate it without a TTL).
const RELEASE_ATTEMPT = `
redis.call('DEL', KEYS[1])
if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('DECR', KEYS[2]) end
return 0`;

/**
 * Slows password guessing: too many failed logins for one e-mail, or from one client address, within
 * 15 minutes get 429 until the window ends. Every attempt is counted before the password is checked, and
 * a success takes its count back. Counters live in Redis so every engine shares them (an in-process limiter
 * would multiply the allowance by the number of engines). If Redis is unreachable, logins are not blocked:
 * availability of the studio wins over the limiter.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger('LoginThrottle');

  constructor(private readonly redis: RedisConnection) {}

  private keys(email: string, address: string): [string, string] {
    const hashed = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
    return [`{postino}:login-failures:email:${hashed}`, `{postino}:login-failures:address:${address}`];
  }

  /** Counts the attempt as a failure until release(); 429 when the account or the address has too many. */
  async reserveAttempt(email: string, address: string): Promise<void> {
    let retryAfterSeconds: number;
    try {
      const client = await this.redis.client();
      const limits = [MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_ADDRESS, WINDOW_SECONDS];
      retryAfterSeconds = Number(await client.eval(RESERVE_ATTEMPT, 2, ...this.keys(email, address), ...limits));
    } catch (error) {
      this.logger.warn(`login throttle unavailable: ${(error as Error).message}`);
      return;
    }
    if (retryAfterSeconds > 0) {
      throw new ApiError(
        HttpStatus.TOO_MANY_REQUESTS,
        'too_many_requests',
        `Too many failed logins: try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`,
        { retryAfterSeconds },
      );
    }
  }

  /** The attempt succeeded: it is not a failure after all. */
  async release(email: string, address: string): Promise<void> {
    try {
      await (await this.redis.client()).eval(RELEASE_ATTEMPT, 2, ...this.keys(email, address));
    } catch {
      // Counters expire on their own.
    }
  }
}
