import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, loadAppConfig } from './config.schema';
export type { AppConfig };

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Provides the validated `AppConfig` under the `APP_CONFIG` token. Apps pass nothing (the environment
 * is read once here); tests pass a ready object so they never touch `process.env`.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useFactory: () => config ?? loadAppConfig() }],
      exports: [APP_CONFIG],
    };
  }
}
