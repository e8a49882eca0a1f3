import { z } from 'zod';

export const ENGINE_ROLES = ['api', 'worker', 'all'] as const;
export type EngineRole = (typeof ENGINE_ROLES)[number];

const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((value) => protocols.some((p) => value.startsWith(`${p}://`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

/** Every environment variable the engine reads, validated once at start. */
export const engineConfigSchema = z.object({
  DATABASE_URL: url(['postgres', 'postgresql']),
  REDIS_URL: url(['redis', 'rediss']),
  SMTP_URL: url(['smtp', 'smtps']),
  /**
   * The HTTP SMS provider's messages endpoint, credentials in the user info (`https://ACCOUNT:KEY@host/v1/messages`);
   * without it, SMS messages fail saying so (a shop may send e-mail only).
   */
  SMS_URL: url(['http', 'https']).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  ROLE: z.enum(ENGINE_ROLES).default('all'),
  PUBLIC_URL: z.string().url().optional(),
  APP_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STUDIO_DIR: z.string().optional(),
  BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/, 'must look like 512kb or 2mb').default('2mb'),
  /** The largest CSV file one import takes (it is streamed, never held in memory), in bytes. */
  IMPORT_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb|gb)$/, 'must look like 500mb or 1gb')
    .default('200mb')
    .transform((size) => Number(size.slice(0, -2)) * 1024 ** { kb: 1, mb: 2, gb: 3 }[size.slice(-2) as 'kb' | 'mb' | 'gb']),
  MAIL_FROM: z.string().default('Postino <notifications@postino.local>'),
  /** `discard` builds every e-mail and throws it away: for measuring the engine without a mail server. */
  MAIL_TRANSPORT: z.enum(['smtp', 'discard']).default('smtp'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  SECURE_COOKIES: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /**
   * Whether webhook nodes may call private, loopback, link-local and metadata addresses (and plain http):
   * refused by default, as a flow's URL must not reach the network the engine runs in. `npm start` and the
   * tests allow them, for the local webhook capture.
   */
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: z.enum(['true', 'false'], 'must be true or false').default('false').transform((v) => v === 'true'),
  /** Studio users allowed into operator tools (Bull Board), which see every merchant's queues. */
  ADMIN_EMAILS: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((email) => email.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().email('must be a comma-separated list of e-mail addresses'))),
});

export type EngineConfig = z.infer<typeof engineConfigSchema> & { PUBLIC_URL: string };

export class EngineConfigError extends Error {}

/** Parses the environment; a wrong value stops the engine with a message naming the variable. */
export function loadEngineConfig(env: Record<string, string | undefined>): EngineConfig {
  const result = engineConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const message = issue.code === 'invalid_type' && env[name] === undefined ? 'is required' : issue.message;
      return `${name} ${message}`;
    });
    throw new EngineConfigError(`Invalid configuration: ${lines.join('; ')}`);
  }
  const config = result.data;
  return { ...config, PUBLIC_URL: (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '') };
}

export const ENGINE_CONFIG = Symbol('ENGINE_CONFIG');

export function runsApi(config: EngineConfig): boolean {
  return config.ROLE !== 'worker';
}

export function runsWorkers(config: EngineConfig): boolean {
  return config.ROLE !== 'api';
}
