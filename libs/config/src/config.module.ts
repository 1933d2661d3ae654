import { DynamicModule, Global, Module } from '@nestjs/common';
import type { ProcessRegistry } from '@lienthong/domain';
import { PROCESSES } from '@lienthong/processes';
import { AppConfig, loadAppConfig } from './config.schema';
export type { AppConfig };

export const APP_CONFIG = Symbol('APP_CONFIG');
/** The processes this build runs (libs/processes/src/registry.ts); tests may add their own. */
export const PROCESS_REGISTRY = Symbol('PROCESS_REGISTRY');

/**
 * Provides the validated `AppConfig` under the `APP_CONFIG` token and the process registry under
 * `PROCESS_REGISTRY`. Apps pass nothing (the environment is read once here, the registry is the
 * build's); tests pass a ready config so they never touch `process.env`, and may pass a registry.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config?: AppConfig, processes: ProcessRegistry = PROCESSES): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useFactory: () => config ?? loadAppConfig() },
        { provide: PROCESS_REGISTRY, useValue: processes },
      ],
      exports: [APP_CONFIG, PROCESS_REGISTRY],
    };
  }
}
