import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Person } from '@lienthong/domain';

/**
 * Who sits on a unit's council (table `council_members`), for council steps: a case freezes its
 * deciding unit's council when it is submitted. A member counts while they still belong to the unit
 * (a membership of any role) and can sign in. Editing councils is a later route (PUT /units/:id/council).
 */
@Injectable()
export class CouncilsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The councils of these units, each in the order its members were named; units without one are left out. */
  async of(unitIds: readonly string[]): Promise<Record<string, Person[]>> {
    if (unitIds.length === 0) return {};
    const rows = await this.dataSource.query<{ unit_id: string; user_id: string; display_name: string }[]>(
      `SELECT c.unit_id, u.id AS user_id, u.display_name
         FROM council_members c
         JOIN users u ON u.id = c.user_id AND u.active
         JOIN memberships m ON m.user_id = c.user_id AND m.unit_id = c.unit_id
        WHERE c.unit_id = ANY($1::uuid[])
        ORDER BY c.unit_id, c.created_at, u.display_name, u.id`,
      [unitIds],
    );
    const councils: Record<string, Person[]> = {};
    for (const r of rows) (councils[r.unit_id] ??= []).push({ userId: r.user_id, displayName: r.display_name });
    return councils;
  }
}
