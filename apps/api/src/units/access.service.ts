import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ACTING_ROLES, Actor, visibleUnitIds } from '../../../../libs/domain/src';
import { Membership, Unit, User } from '../../../../libs/persistence/src';

/** What the caller may see and do, established from the database on each request (never from the token). */
export interface CallerScope {
  /** The caller's roles, highest level first, each with its unit and level. */
  memberships: Membership[];
  /** Every unit of the organizations the caller belongs to, with its level. */
  units: Unit[];
  byId: Map<string, Unit>;
  /** Units whose cases and details the caller may see: their units and everything below. */
  visible: Set<string>;
  /** The caller as the approval rules see them: `unitIds` are the units where they are officer or chair. */
  actor: Actor;
}

/** The one place that turns a user into their visibility and their acting units; used by units and cases. */
@Injectable()
export class AccessService {
  constructor(private readonly dataSource: DataSource) {}

  memberships(userId: string): Promise<Membership[]> {
    return this.dataSource.getRepository(Membership).find({
      where: { userId },
      relations: { unit: { level: true } },
      order: { unit: { level: { rank: 'DESC' } } },
    });
  }

  /**
   * Loads the organizations the caller belongs to (hundreds to a few thousand units each) and applies
   * the visibility rule in code, where it is unit-tested, rather than restating it in SQL.
   */
  async scope(userId: string): Promise<CallerScope> {
    const [user, memberships] = await Promise.all([
      this.dataSource.getRepository(User).findOneByOrFail({ id: userId }),
      this.memberships(userId),
    ]);
    const orgIds = [...new Set(memberships.map((m) => m.unit.organizationId))];
    const units = orgIds.length
      ? await this.dataSource.getRepository(Unit).find({ where: { organizationId: In(orgIds) }, relations: { level: true } })
      : [];
    return {
      memberships,
      units,
      byId: new Map(units.map((u) => [u.id, u])),
      visible: visibleUnitIds(units, memberships),
      actor: {
        userId: user.id,
        displayName: user.displayName,
        unitIds: [...new Set(memberships.filter((m) => ACTING_ROLES.includes(m.role)).map((m) => m.unitId))],
      },
    };
  }
}

/** A unit and everything below it (the same walk as visibility from a single role at that unit). */
export function subtreeOf(units: readonly Unit[], unitId: string): Set<string> {
  return visibleUnitIds(units, [{ unitId, role: 'officer' }]);
}
