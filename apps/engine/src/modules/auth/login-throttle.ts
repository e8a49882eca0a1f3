import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ApiError } from '../../common/http/api-error';
import { RedisConnection } from '../queues/redis-connection';

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES_PER_EMAIL = 10;
const MAX_FAILURES_PER_ADDRESS = 50;

/**
 * Slows password guessing: too many failed logins for one e-mail, or from one client address, within
 * 15 minutes get 429 until the window ends. Counters live in Redis so every engine shares them (an
 * in-process limiter would multiply the allowance by the number of engines). If Redis is unreachable,
 * logins are not blocked: availability of the studio wins over the limiter.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger('LoginThrottle');

  constructor(private readonly redis: RedisConnection) {}

  private keys(email: string, address: string): string[] {
    const hashed = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
    return [`{postino}:login-failures:email:${hashed}`, `{postino}:login-failures:address:${address}`];
  }

  async assertAllowed(email: string, address: string): Promise<void> {
    let counts: (string | null)[];
    let ttl: number;
    try {
      const client = await this.redis.client();
      const [emailKey, addressKey] = this.keys(email, address);
      counts = await client.mget(emailKey, addressKey);
      ttl = Math.max(await client.ttl(emailKey), await client.ttl(addressKey), 1);
    } catch (error) {
      this.logger.warn(`login throttle unavailable: ${(error as Error).message}`);
      return;
    }
    if (Number(counts[0] ?? 0) >= MAX_FAILURES_PER_EMAIL || Number(counts[1] ?? 0) >= MAX_FAILURES_PER_ADDRESS) {
      throw new ApiError(
        HttpStatus.TOO_MANY_REQUESTS,
        'too_many_requests',
        `Too many failed logins: try again in ${Math.ceil(ttl / 60)} minutes`,
        { retryAfterSeconds: ttl },
      );
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    try {
      const client = await this.redis.client();
      const multi = client.multi();
      for (const key of this.keys(email, address)) multi.incr(key).expire(key, WINDOW_SECONDS, 'NX');
      await multi.exec();
    } catch (error) {
      this.logger.warn(`login throttle unavailable: ${(error as Error).message}`);
    }
  }

  async clear(email: string): Promise<void> {
    try {
      await (await this.redis.client()).del(this.keys(email, '')[0]);
    } catch {
      // Counters expire on their own.
    }
  }
}
