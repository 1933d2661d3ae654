import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DefaultLogger, LogLevel, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { ACTIVITY_CLASSES } from '../../../activities';
import { APP_CONFIG, AppConfig } from '@lienthong/config';
import { ensureSearchAttributes, temporalConnectionOptions, workflowBundleOptions } from '@lienthong/temporal';

let runtimeInstalled = false;

/** Temporal's core logs through one process-wide runtime; install it once with our level. */
function installRuntime(level: AppConfig['LOG_LEVEL']): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  const map: Record<AppConfig['LOG_LEVEL'], LogLevel> = {
    trace: 'TRACE',
    debug: 'DEBUG',
    // The SDK's INFO is build chatter (webpack output per start); our own logs carry the useful lines.
    info: 'WARN',
    warn: 'WARN',
    error: 'ERROR',
    fatal: 'ERROR',
    silent: 'ERROR',
  };
  try {
    // No signal handlers of the SDK's own: Nest's shutdown hooks (createWorkerApp) own SIGTERM/SIGINT
    // and stop the worker through onApplicationShutdown. With both installed, a signal that arrived while
    // the worker was still bundling its workflows let Nest close the app, then the SDK's listener kept
    // the process from dying of the signal Nest re-raises, and the process lingered (~40 s, until
    // `npm start` killed it) with a stopped worker.
    Runtime.install({ logger: new DefaultLogger(map[level]), shutdownSignals: [] });
  } catch {
    // Already installed by an earlier worker in this process (tests run several); keep that one.
  }
}

/**
 * Runs the Temporal Worker inside the Nest application context, so activities are ordinary injectable
 * classes. Shutdown drains: in-flight activities get WORKER_SHUTDOWN_GRACE_SECONDS to finish before
 * Temporal hands their tasks to another worker.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TemporalWorker');
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;
  /** Set by a shutdown that starts before the bootstrap finished (a Ctrl-C right after start). */
  private closing = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    installRuntime(this.config.LOG_LEVEL);
    const { address, tls, apiKey } = temporalConnectionOptions(this.config);
    this.connection = await NativeConnection.connect({ address, tls, apiKey });
    await this.ensureSearchAttributes();
    const bundlePath = this.config.WORKFLOW_BUNDLE_PATH;
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      activities: this.activities(),
      ...(bundlePath
        ? { workflowBundle: { codePath: bundlePath } }
        : this.workflowsFromSource()),
      shutdownGraceTime: `${this.config.WORKER_SHUTDOWN_GRACE_SECONDS} seconds`,
      // Past the grace, a shutdown that still hangs ends with an error instead of holding the process.
      shutdownForceTime: `${this.config.WORKER_SHUTDOWN_GRACE_SECONDS + 5} seconds`,
      maxCachedWorkflows: this.config.WORKER_MAX_CACHED_WORKFLOWS,
    });
    if (this.closing) {
      // Shut down while the bundle was being built: never start polling.
      await this.connection.close();
      return;
    }
    this.running = this.worker.run();
    this.running.catch((err) => this.logger.error(`Worker stopped with an error: ${err}`));
    this.logger.log(
      `Polling task queue "${this.config.TEMPORAL_TASK_QUEUE}" in namespace "${this.config.TEMPORAL_NAMESPACE}" at ${address}`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }

  /** Without a prebuilt bundle the worker bundles the workflow code at start (development, tests). */
  private workflowsFromSource() {
    const { workflowsPath, webpackConfigHook, preloadModules } = workflowBundleOptions(require.resolve('../../../workflows'));
    return { workflowsPath, bundlerOptions: { webpackConfigHook, preloadModules } };
  }

  /** A cluster may refuse (Temporal Cloud manages attributes itself): say what to do, and go on. */
  private async ensureSearchAttributes(): Promise<void> {
    const namespace = this.config.TEMPORAL_NAMESPACE;
    try {
      const added = await ensureSearchAttributes(this.connection!.operatorService, namespace);
      if (added.length) this.logger.log(`Registered search attributes ${added.join(', ')} in namespace "${namespace}"`);
    } catch (err) {
      this.logger.warn(
        `Could not check the case search attributes in namespace "${namespace}" (${(err as Error).message}); ` +
          'register them as Keyword (see README) or starting cases will fail',
      );
    }
  }

  /** Every public method of every activity class, bound to its Nest-managed instance. */
  private activities(): Record<string, (...args: unknown[]) => Promise<unknown>> {
    const activities: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const cls of ACTIVITY_CLASSES) {
      const instance = this.moduleRef.get(cls, { strict: false }) as unknown as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(cls.prototype)) {
        const method = instance[name];
        if (name === 'constructor' || typeof method !== 'function') continue;
        if (activities[name]) throw new Error(`Activity name "${name}" is defined twice`);
        activities[name] = method.bind(instance) as (...args: unknown[]) => Promise<unknown>;
      }
    }
    return activities;
  }
}
