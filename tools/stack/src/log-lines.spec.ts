import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createPrefixedLogger, formatLogLine } from './log-lines';

function captureOutput() {
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { output, text: () => text };
}

const pinoLine = JSON.stringify({
  level: 40,
  time: Date.UTC(2025, 0, 2, 3, 4, 5, 6),
  pid: 42,
  hostname: 'box',
  msg: 'carrier poll slow',
  carrier: 'dhl',
});

describe('formatLogLine', () => {
  it('shows a pino JSON line as time, level, message and its extra fields', () => {
    const shown = formatLogLine(pinoLine);

    expect(shown).toMatch(/^\[\d\d:\d\d:\d\d\.006\] WARN: carrier poll slow \{"carrier":"dhl"\}$/);
  });

  it('sums up an HTTP request logged by pino-http instead of dumping it', () => {
    const line = JSON.stringify({
      level: 30,
      time: 0,
      msg: 'request completed',
      req: { id: 1, method: 'POST', url: '/v1/events', headers: { host: 'x' } },
      res: { statusCode: 202, headers: {} },
      responseTime: 4,
    });

    expect(formatLogLine(line)).toMatch(/INFO: request completed POST \/v1\/events → 202 4ms$/);
  });

  it('leaves other lines, JSON or not, as they are', () => {
    expect(formatLogLine('Ready to accept connections')).toBe('Ready to accept connections');
    expect(formatLogLine('{"not":"pino"}')).toBe('{"not":"pino"}');
  });
});

describe('createPrefixedLogger', () => {
  it('writes every non-empty line under the prefix', () => {
    const { output, text } = captureOutput();
    const log = createPrefixedLogger('engine', { output, color: false });

    log('first\nsecond\n\n');
    log(pinoLine);

    expect(text().split('\n')).toEqual([
      '[engine] first',
      '[engine] second',
      expect.stringMatching(/^\[engine\] \[.+\] WARN: carrier poll slow/),
      '',
    ]);
  });

  it('colours the prefix when asked to', () => {
    const { output, text } = captureOutput();

    createPrefixedLogger('redis', { output, color: true, prefixColor: 35 })('ready');

    expect(text()).toBe('\x1b[35m[redis]\x1b[0m ready\n');
  });
});
