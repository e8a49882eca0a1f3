import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { exitOf, stopChild, type ProcessExit } from './child-exit';
import { createPrefixedLogger, PREFIX_COLORS, shouldColor, type LogLine } from './log-lines';

export interface Stoppable {
  stop(): Promise<void>;
  /** Ends it at once, without waiting (SIGKILL or the like): what a second Ctrl-C does. */
  kill?(): void;
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

export interface StopOnSignalsOptions {
  signals?: readonly NodeJS.Signals[];
  /** Exit code after a signal once everything has stopped; defaults to 128 + the signal's number. */
  exitCodes?: Partial<Record<NodeJS.Signals, number>>;
  /** Told once that the group is stopping, and how to kill it at once. */
  log?: LogLine;
}

const SIGNAL_EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
/**
 * A signal this soon after the first is the same one delivered twice, not a second Ctrl-C: the terminal
 * signals its whole foreground group, and a parent such as npm (when its shell execs us) forwards it too.
 */
const SAME_SIGNAL_WINDOW_MS = 300;

/**
 * Child processes and services that live and die together: output is shown as `[name] line`,
 * and stopAll() (or a signal, after stopOnSignals()) stops them one at a time in reverse order of start,
 * so an app stops before the databases it uses, with one `[name] stopped` line each.
 */
export class ProcessGroup {
  /** Still to stop, in order of start. */
  private readonly members: { name: string; resource: Stoppable }[] = [];
  /** Everything ever added, for killAll(). */
  private readonly resources: Stoppable[] = [];
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
    this.resources.push(resource);
    return resource;
  }

  /**
   * Spawns a child in its own process group (so stopping it also stops whatever it spawned) with its
   * stdout and stderr shown line by line under `[name]`. Being detached, it does not get the terminal's
   * Ctrl-C itself: call stopOnSignals() once. Once it has exited it is no longer a member.
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
    child.on('error', (error) => log(`failed to start ${command}: ${error.message}`));
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', log);
    }
    // A detached child survives our exit unless told otherwise; signals are handled by stopOnSignals().
    const signalGroup = (signal: NodeJS.Signals) => {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid, signal);
        } catch {
          // Already gone.
        }
      }
    };
    const killOnExit = () => signalGroup('SIGTERM');
    process.on('exit', killOnExit);
    const managed: ManagedProcess = {
      name,
      child,
      exited,
      stop: async () => {
        const exit = await stopChild(child, exited, { processGroup: true, timeoutMs: this.stopTimeoutMs });
        if (exit.signal === 'SIGKILL') log(`did not stop within ${this.stopTimeoutMs / 1000} s: killed`);
      },
      kill: () => signalGroup('SIGKILL'),
    };
    void exited.then(({ code, signal }) => {
      process.off('exit', killOnExit);
      const index = this.members.findIndex((member) => member.resource === managed);
      if (index >= 0) this.members.splice(index, 1);
      // While stopping, stopAll() says `stopped` instead.
      if (!this.isStopping) log(signal ? `exited on ${signal}` : `exited with code ${code}`);
    });
    return this.add(name, managed);
  }

  /** True once stopAll() has begun: members exiting now are being stopped, not failing. */
  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /**
   * Stops every member, last added first, each after the one before has stopped, with a `[name] stopped`
   * line each; errors are logged, not thrown. Members added meanwhile are stopped too. Safe to call twice.
   */
  stopAll(): Promise<void> {
    this.stopping ??= (async () => {
      for (let member = this.members.pop(); member; member = this.members.pop()) {
        const log = this.logger(member.name);
        try {
          await member.resource.stop();
          log('stopped');
        } catch (error) {
          log(`failed to stop: ${(error as Error).message}`);
        }
      }
    })();
    return this.stopping;
  }

  /**
   * On SIGINT/SIGTERM/SIGHUP: stop everything (stopAll()), then exit with `exitCodes[signal]`, by default
   * 128 + the signal's number. A second signal kills everything at once (kill()) and exits with 128 + its number.
   */
  stopOnSignals({ signals = ['SIGINT', 'SIGTERM', 'SIGHUP'], exitCodes = {}, log }: StopOnSignalsOptions = {}): void {
    let firstAt: number | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      if (firstAt === undefined) {
        firstAt = Date.now();
        log?.(`stopping (${signal === 'SIGINT' ? 'Ctrl-C again' : 'a second signal'} kills everything at once)`);
        void this.stopAll().then(() => process.exit(exitCodes[signal] ?? SIGNAL_EXIT_CODES[signal] ?? 1));
        return;
      }
      if (Date.now() - firstAt < SAME_SIGNAL_WINDOW_MS) return;
      this.killAll();
      log?.('killed everything');
      process.exit(SIGNAL_EXIT_CODES[signal] ?? 1);
    };
    for (const signal of signals) process.on(signal, onSignal);
  }

  /** Kills every member at once (those that can be: spawned processes, Postgres, Redis), without waiting. */
  killAll(): void {
    for (const resource of this.resources) {
      try {
        resource.kill?.();
      } catch {
        // Already gone.
      }
    }
  }
}
