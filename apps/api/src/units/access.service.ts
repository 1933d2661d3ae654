import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ACTING_ROLES, Actor, DeciderRole, MembershipRole, visibleUnitIds } from '@lienthong/domain';
import { Membership, Unit, User } from '@lienthong/persistence';

/** What the caller may see and do, established from the database on each request (never from the token). */
export interface CallerScope {
  /** The caller's roles, highest level first, each with its unit and level. */
  memberships: Membership[];
  /** Every unit of the organizations the caller belongs to, with its level. Shared between requests: never mutate. */
  units: Unit[];
  byId: Map<string, Unit>;
  /** Units whose cases and details the caller may see: their units and everything below. */
  visible: Set<string>;
  /**
   * The caller as the approval rules see them: `unitIds` are the units where they are officer or chair,
   * `roles` which of the two at each (for steps reserved to the chair).
   */
  actor: Actor;
}

/** What `scope` reads in one statement. */
interface ScopeRow {
  id: string;
  display_name: string;
  version: string | null;
  memberships: (Pick<Membership, 'id' | 'userId' | 'unitId' | 'role'> & { organizationId: string })[];
}

/** An organization's units (with their levels) as of one `unit_tree_version`. */
interface CachedTree {
  version: string;
  units: Unit[];
}

/**
 * The one place that turns a user into their visibility and their acting units; used by units and cases.
 *
 * Memberships and the user are read on every request (roles must take effect at once). The units of an
 * organization, which every request needs in full and which rarely change, are cached per API process
 * and checked against `unit_tree_version` on every request: a row that statement triggers on `units`
 * and `organization_levels` bump in the changing transaction itself, so any change, by this API, another
 * replica or an operator's SQL, is seen by the next request that starts after it commits. (Except a
 * load under `session_replication_role = replica`, which skips triggers: it must bump the version itself.)
 */
@Injectable()
export class AccessService {
  private readonly trees = new Map<string, CachedTree>();

  constructor(private readonly dataSource: DataSource) {}

  memberships(userId: string): Promise<Membership[]> {
    return this.dataSource.getRepository(Membership).find({
      where: { userId },
      relations: { unit: { level: true } },
      order: { unit: { level: { rank: 'DESC' } } },
    });
  }

  /**
   * Loads the organizations the caller belongs to (hundreds to a few thousand units each, cached; see
   * above) and applies the visibility rule in code, where it is unit-tested, rather than restating it in SQL.
   */
  async scope(userId: string): Promise<CallerScope> {
    // One round trip: the user, their roles (with each role's unit's organization) and the tree version.
    const [row] = await this.dataSource.query<ScopeRow[]>(
      `SELECT u.id, u.display_name, (SELECT version::text FROM unit_tree_version WHERE id = 1) AS version,
         coalesce(json_agg(json_build_object('id', m.id, 'userId', m.user_id, 'unitId', m.unit_id, 'role', m.role,
           'organizationId', mu.organization_id)) FILTER (WHERE m.id IS NOT NULL), '[]') AS memberships
       FROM users u LEFT JOIN memberships m ON m.user_id = u.id LEFT JOIN units mu ON mu.id = m.unit_id
       WHERE u.id = $1 GROUP BY u.id`,
      [userId],
    );
    if (!row) throw new Error(`User ${userId} not found`);
    const version = row.version ?? '';
    const orgIds = [...new Set(row.memberships.map((m) => m.organizationId))];
    const units = (await Promise.all(orgIds.map((id) => this.unitsOf(id, version)))).flat();
    const byId = new Map(units.map((u) => [u.id, u]));
    // Each role with its unit and level from the tree (which holds every unit as of `version`, read with
    // the roles: at worst a unit deleted since, whose roles went with it), highest level first.
    const memberships = row.memberships
      .filter((m) => byId.has(m.unitId))
      .map((m) => Object.assign(new Membership(), { id: m.id, userId: m.userId, unitId: m.unitId, role: m.role, unit: byId.get(m.unitId)! }))
      .sort((a, b) => b.unit.level.rank - a.unit.level.rank);
    return {
      memberships,
      units,
      byId,
      visible: visibleUnitIds(units, memberships),
      actor: actorOf({ id: row.id, displayName: row.display_name }, memberships),
    };
  }

  /**
   * The organization's units as of `version` or later. `version` was read before this load starts, so
   * the units loaded are at least as new as it: a cache entry is never older than the version it is
   * filed under (at worst newer, which the next bump corrects).
   */
  private async unitsOf(organizationId: string, version: string): Promise<Unit[]> {
    const cached = this.trees.get(organizationId);
    if (cached && cached.version === version) return cached.units;
    const units = await this.dataSource.getRepository(Unit).find({ where: { organizationId }, relations: { level: true } });
    this.trees.set(organizationId, { version, units });
    return units;
  }
}

/** A person as the approval rules see them, from their memberships: where they act, and in which role. */
export function actorOf(user: Pick<User, 'id' | 'displayName'>, memberships: readonly Pick<Membership, 'unitId' | 'role'>[]): Actor {
  const roles: Record<string, DeciderRole[]> = {};
  for (const m of memberships) {
    if (!isActing(m.role)) continue;
    roles[m.unitId] = [...new Set([...(roles[m.unitId] ?? []), m.role])];
  }
  return { userId: user.id, displayName: user.displayName, unitIds: Object.keys(roles), roles };
}

const isActing = (role: MembershipRole): role is DeciderRole => ACTING_ROLES.includes(role);

/** A unit and everything below it (the same walk as visibility from a single role at that unit). */
export function subtreeOf(units: readonly Unit[], unitId: string): Set<string> {
  return visibleUnitIds(units, [{ unitId, role: 'officer' }]);
}
