import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, AppConfig } from '@lienthong/config';
import { temporalConnectionOptions } from './connection-options';

export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');

/**
 * The Temporal client for the API. The connection is lazy: the API boots and answers `/api/health`
 * (503) while Temporal is unreachable, instead of crash-looping; calls fail until it comes back.
 */
@Injectable()
export class TemporalClient extends Client {
  constructor(@Inject(TEMPORAL_CONNECTION) connection: Connection, @Inject(APP_CONFIG) config: AppConfig) {
    super({ connection, namespace: config.TEMPORAL_NAMESPACE });
  }
}

@Injectable()
class ConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: Connection) {}
  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CONNECTION,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => Connection.lazy({ ...temporalConnectionOptions(config), connectTimeout: 5_000 }),
    },
    TemporalClient,
    ConnectionCloser,
  ],
  exports: [TemporalClient, TEMPORAL_CONNECTION],
})
export class TemporalClientModule {}
