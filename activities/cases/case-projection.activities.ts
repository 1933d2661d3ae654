import { Injectable } from '@nestjs/common';
import type { CaseActivities, CaseProjection } from '@lienthong/contracts';
import { CaseProjectionService } from '@lienthong/persistence';

/** Thin adapter: case workflows call it, CaseProjectionService writes the read model (idempotently). */
@Injectable()
export class CaseProjectionActivities implements CaseActivities {
  constructor(private readonly projections: CaseProjectionService) {}

  async projectCase(projection: CaseProjection): Promise<void> {
    await this.projections.apply(projection);
  }
}
