import { Injectable } from '@nestjs/common';
import type { SmokeActivities as SmokeActivitiesContract, SmokeInput } from '@lienthong/contracts';
import { SmokePingService } from '@lienthong/persistence';

/** Thin adapter: Temporal calls it, the service in libs/ does the work (idempotently). */
@Injectable()
export class SmokeActivities implements SmokeActivitiesContract {
  constructor(private readonly pings: SmokePingService) {}

  async recordSmokePing(input: SmokeInput & { workflowId: string }): Promise<{ recordedAt: string }> {
    const ping = await this.pings.record({
      id: input.pingId,
      message: input.message,
      requestedBy: input.requestedBy,
      workflowId: input.workflowId,
    });
    return { recordedAt: ping.recordedAt.toISOString() };
  }
}
