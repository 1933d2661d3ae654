import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { Connection } from '@temporalio/client';
import { TEMPORAL_CONNECTION } from '@lienthong/temporal';

/** Temporal is up when its frontend answers gRPC health within the probe's budget. */
@Injectable()
export class TemporalHealthIndicator {
  constructor(
    @Inject(TEMPORAL_CONNECTION) private readonly connection: Connection,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: string, timeoutMs = 2_000): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      await this.connection.withDeadline(Date.now() + timeoutMs, () => this.connection.healthService.check({}));
      return indicator.up();
    } catch (err) {
      return indicator.down({ message: (err as Error).message.split('\n')[0] });
    }
  }
}
