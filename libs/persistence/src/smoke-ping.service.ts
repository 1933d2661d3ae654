import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SmokePing } from './entities';

@Injectable()
export class SmokePingService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Idempotent on the ping id: Temporal retries activities, and a retry after a crash must find the row
   * the first attempt wrote instead of writing a second one.
   */
  async record(ping: { id: string; message: string; requestedBy: string; workflowId: string }): Promise<SmokePing> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(SmokePing)
      .values(ping)
      .orIgnore()
      .execute();
    return this.dataSource.getRepository(SmokePing).findOneByOrFail({ id: ping.id });
  }

  find(id: string): Promise<SmokePing | null> {
    return this.dataSource.getRepository(SmokePing).findOneBy({ id });
  }
}
