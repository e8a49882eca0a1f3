import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { exitOf, stopChild, type ProcessExit } from './child-exit';
import { createPrefixedLogger, PREFIX_COLORS, shouldColor, type LogLine } from './log-lines';

export interface Stoppable {
  stop(): Promise<void>;
}

export interface ManagedProcess extends Stoppable {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves when the process has exited, by itself or through stop(). */
  readonly exited: Promise<ProcessExit>;
}

export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface ProcessGroupOptions {
  output?: NodeJS.WritableStream;
  color?: boolean;
  /** How long a member may take to stop after SIGTERM before it gets SIGKILL. */
  stopTimeoutMs?: number;
}

const SIGNAL_EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/**
 * Child processes and services that live and die together: output is shown as `[name] line`,
 * and stopAll() (or a signal, after stopOnSignals()) stops them in reverse order of start,
 * so an app stops before the databases it uses.
 */
export class ProcessGroup {
  private readonly members: { name: string; resource: Stoppable }[] = [];
  private readonly children: ChildProcess[] = [];
  private readonly loggers = new Map<string, LogLine>();
  private readonly output: NodeJS.WritableStream;
  private readonly color: boolean;
  private readonly stopTimeoutMs: number;
  private stopping: Promise<void> | undefined;

  constructor(options: ProcessGroupOptions = {}) {
    this.output = options.output ?? process.stdout;
    this.color = options.color ?? shouldColor(this.output);
    this.stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  }

  /** The `[name]` logger of this group; names get distinct colours in order of first use. */
  logger(name: string): LogLine {
    let log = this.loggers.get(name);
    if (!log) {
      const prefixColor = PREFIX_COLORS[this.loggers.size % PREFIX_COLORS.length];
      log = createPrefixedLogger(name, { output: this.output, color: this.color, prefixColor });
      this.loggers.set(name, log);
    }
    return log;
  }

  /** Registers something to stop with the group (a service from this package, a server…). */
  add<T extends Stoppable>(name: string, resource: T): T {
    this.members.push({ name, resource });
    return resource;
  }

  /**
   * Spawns a child in its own process group (so stopping it also stops whatever it spawned) with its
   * stdout and stderr shown line by line under `[name]`. Being detached, it does not get the terminal's
   * Ctrl-C itself: call stopOnSignals() once.
   */
  spawn(name: string, command: string, args: readonly string[], options: SpawnOptions = {}): ManagedProcess {
    const log = this.logger(name);
    const env = options.env ?? process.env;
    const child = spawn(command, args, {
      cwd: options.cwd,
      // Its output is piped to us, but ends up on our terminal: let it keep its colours.
      env: this.color ? { ...env, FORCE_COLOR: env.FORCE_COLOR ?? '1' } : env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const exited = exitOf(child);
    this.children.push(child);
    child.on('error', (error) => log(`failed to start ${command}: ${error.message}`));
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', log);
    }
    // A detached child survives our exit unless told otherwise; signals are handled by stopOnSignals().
    const killOnExit = () => {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
    };
    process.on('exit', killOnExit);
    void exited.then(({ code, signal }) => {
      process.off('exit', killOnExit);
      log(signal ? `exited on ${signal}` : `exited with code ${code}`);
    });
    const managed: ManagedProcess = {
      name,
      child,
      exited,
      stop: async () => {
        await stopChild(child, exited, { processGroup: true, timeoutMs: this.stopTimeoutMs });
      },
    };
    return this.add(name, managed);
  }

  /** True once stopAll() has begun: members exiting now are being stopped, not failing. */
  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** Stops every member, last added first; errors are logged, not thrown. Safe to call twice. */
  stopAll(): Promise<void> {
    this.stopping ??= (async () => {
      for (const { name, resource } of [...this.members].reverse()) {
        try {
          await resource.stop();
        } catch (error) {
          this.logger(name)(`failed to stop: ${(error as Error).message}`);
        }
      }
    })();
    return this.stopping;
  }

  /**
   * On SIGINT/SIGTERM/SIGHUP: stop everything, then exit with 128 + signal number.
   * A second signal while stopping kills the spawned children at once.
   */
  stopOnSignals(signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']): void {
    let received = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) {
        this.killAll();
        process.exit(SIGNAL_EXIT_CODES[signal] ?? 1);
      }
      received = true;
      void this.stopAll().then(() => process.exit(SIGNAL_EXIT_CODES[signal] ?? 1));
    };
    for (const signal of signals) process.on(signal, onSignal);
  }

  private killAll(): void {
    for (const { pid } of this.children) {
      if (pid === undefined) continue;
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
}
