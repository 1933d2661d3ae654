import { ChildProcess } from 'node:child_process';
import { StackLog } from './log';

/** One supervised part of the system: how to start it (resolving once it is ready) and stop it. */
export interface ServiceSpec {
  name: string;
  /** Starts the service and resolves with its process once it is ready; throws if it cannot. */
  start(): Promise<ChildProcess>;
  /** Stops it gracefully within `graceMs`, killing it after that. */
  stop(graceMs: number): Promise<void>;
  /** How long a graceful stop may take at most (the stop's share of the 10 s budget). */
  graceMs: number;
}

/** Restart delays: 1 s, 2 s, 4 s … up to 30 s; back to 1 s once a run has lasted a minute. */
export const BACKOFF = { firstMs: 1_000, maxMs: 30_000, healthyAfterMs: 60_000 };

interface Running {
  spec: ServiceSpec;
  process?: ChildProcess;
  startedAt: number;
  delayMs: number;
  restarts: number;
  timer?: NodeJS.Timeout;
  starting?: Promise<void>;
}

/**
 * Keeps `npm start`'s parts running: each is started in order; one that dies later (a crash, a kill -9)
 * is restarted after a growing delay while the others keep running (the API answers 503 for what needs
 * the missing part meanwhile). `stop` ends restarts and stops the parts in reverse order of start,
 * within an overall deadline, killing whatever overruns its share.
 */
export class Supervisor {
  private readonly services: Running[] = [];
  private stopping = false;

  /**
   * `onExit`: told of every unexpected exit; `false` means no restart (`npm start` gives up on one
   * during its start-up: an app that cannot boot, a bad variable, is an error to show, not to retry).
   */
  constructor(
    private readonly log: StackLog,
    private readonly onExit?: (name: string, why: string) => boolean,
    private readonly backoff = BACKOFF,
  ) {}

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Starts `spec` and supervises it from then on. Throws (without supervising it) if the first start fails. */
  async add(spec: ServiceSpec): Promise<void> {
    if (this.stopping) throw new Error('stopping');
    const running: Running = { spec, startedAt: Date.now(), delayMs: this.backoff.firstMs, restarts: 0 };
    this.services.push(running);
    running.starting = this.run(running);
    try {
      await running.starting;
    } catch (err) {
      this.services.splice(this.services.indexOf(running), 1);
      throw err;
    } finally {
      running.starting = undefined;
    }
  }

  private async run(running: Running): Promise<void> {
    running.startedAt = Date.now();
    const child = await running.spec.start();
    running.process = child;
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      if (running.process !== child) return;
      running.process = undefined;
      if (this.stopping) return;
      const why = `exited (code ${code}, signal ${signal})`;
      if (this.onExit?.(running.spec.name, why) === false) return;
      this.scheduleRestart(running, why);
    };
    if (child.exitCode !== null || child.signalCode !== null) onExit(child.exitCode, child.signalCode);
    else child.once('exit', onExit);
  }

  private scheduleRestart(running: Running, why: string): void {
    if (Date.now() - running.startedAt > this.backoff.healthyAfterMs) running.delayMs = this.backoff.firstMs;
    const delay = running.delayMs;
    running.delayMs = Math.min(delay * 2, this.backoff.maxMs);
    running.restarts++;
    this.log(`The ${running.spec.name} ${why}; restarting it in ${delay / 1000} s (restart ${running.restarts})`);
    running.timer = setTimeout(() => {
      running.timer = undefined;
      if (this.stopping) return;
      running.starting = this.run(running)
        .then(() => this.log(`The ${running.spec.name} is back`))
        .catch((err: Error) => {
          if (!this.stopping) this.scheduleRestart(running, `could not start (${err.message.split('\n')[0]})`);
        })
        .finally(() => (running.starting = undefined));
    }, delay);
  }

  /**
   * No more restarts; stops every part in reverse order of start. Each gets its own grace, cut to what
   * is left of `budgetMs`, so the whole stop ends within the budget whatever hangs.
   */
  async stop(budgetMs: number): Promise<void> {
    this.stopping = true;
    const deadline = Date.now() + budgetMs;
    for (const running of this.services) if (running.timer) clearTimeout(running.timer);
    // A restart in progress finishes (or fails) first, so that its process is stopped too.
    await Promise.all(this.services.map((r) => r.starting?.catch(() => undefined)));
    for (const running of [...this.services].reverse()) {
      if (!running.process) continue;
      // Reserve ~0.5 s for each part still after this one, so a slow one cannot eat their time.
      const after = this.services.indexOf(running);
      const left = deadline - Date.now() - after * 500;
      await running.spec.stop(Math.max(250, Math.min(running.spec.graceMs, left)));
    }
  }
}
