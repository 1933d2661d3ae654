import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from './config.module';

/** Structured JSON logs (pino) for both apps; each HTTP request is logged once with its id and timing. */
@Module({})
export class LoggingModule {
  static forRoot(service: 'api' | 'worker'): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            // Named wildcard (path-to-regexp v8 syntax used by Nest 11).
            forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
            pinoHttp: {
              level: config.LOG_LEVEL,
              base: { service },
              redact: ['req.headers.authorization', 'req.headers.cookie'],
              // Health probes every few seconds would drown the useful lines.
              autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/health') },
            },
          }),
        }),
      ],
    };
  }
}
