import { prettyFactory } from 'pino-pretty';

/** Receives one line (or a chunk of lines) of a service's output. */
export type LogLine = (text: string) => void;

export interface PrefixedLoggerOptions {
  /** Where lines go; defaults to process.stdout. */
  output?: NodeJS.WritableStream;
  /** Colour the prefix and pino levels; defaults to "output is a TTY and NO_COLOR is unset". */
  color?: boolean;
  /** ANSI foreground colour code for the prefix; defaults to one derived from the name. */
  prefixColor?: number;
}

export const PREFIX_COLORS = [36, 35, 33, 32, 34, 96, 95, 93, 92, 94] as const;

const prettifiers = new Map<boolean, (line: string) => string>();

function prettifier(color: boolean): (line: string) => string {
  let prettify = prettifiers.get(color);
  if (!prettify) {
    prettify = prettyFactory({
      colorize: color,
      translateTime: 'HH:MM:ss.l',
      singleLine: true,
      // pino-http attaches whole request/response objects; the message format below keeps their gist.
      ignore: 'pid,hostname,req,res,responseTime',
      messageFormat: (log, messageKey) => {
        const message = String(log[messageKey] ?? '');
        const req = log.req as { method?: string; url?: string } | undefined;
        const res = log.res as { statusCode?: number } | undefined;
        if (!req?.method) return message;
        const status = res?.statusCode === undefined ? '' : ` → ${res.statusCode}`;
        const took = typeof log.responseTime === 'number' ? ` ${log.responseTime}ms` : '';
        return `${message} ${req.method} ${req.url ?? ''}${status}${took}`;
      },
    });
    prettifiers.set(color, prettify);
  }
  return prettify;
}

function isPinoLine(line: string): boolean {
  if (!line.startsWith('{')) return false;
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === 'object' && parsed !== null && 'level' in parsed && 'time' in parsed;
  } catch {
    return false;
  }
}

/** Shows a pino JSON line as `[time] LEVEL: msg {extra fields}`; any other line is returned unchanged. */
export function formatLogLine(line: string, options: { color?: boolean } = {}): string {
  return isPinoLine(line) ? prettifier(options.color ?? false)(line).trimEnd() : line;
}

export function shouldColor(output: NodeJS.WritableStream): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return (output as { isTTY?: boolean }).isTTY === true;
}

function colorFromName(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PREFIX_COLORS[hash % PREFIX_COLORS.length];
}

/** A LogLine that writes each non-empty line as `[name] line`, pino JSON made readable. */
export function createPrefixedLogger(name: string, options: PrefixedLoggerOptions = {}): LogLine {
  const output = options.output ?? process.stdout;
  const color = options.color ?? shouldColor(output);
  const prefix = color ? `\x1b[${options.prefixColor ?? colorFromName(name)}m[${name}]\x1b[0m ` : `[${name}] `;
  return (text) => {
    for (const line of text.split('\n')) {
      const trimmed = line.trimEnd();
      if (trimmed === '') continue;
      for (const shown of formatLogLine(trimmed, { color }).split('\n')) output.write(`${prefix}${shown}\n`);
    }
  };
}
