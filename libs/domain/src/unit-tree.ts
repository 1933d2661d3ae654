import { MembershipRole } from './roles';

export interface UnitNode {
  id: string;
  organizationId: string;
  parentId: string | null;
}

export interface RoleAtUnit {
  unitId: string;
  role: MembershipRole;
}

/**
 * The units a user may see: each unit they hold a role at, with everything below it. An admin's role
 * opens the whole organization of that unit. Upper levels are never visible from below: a branch
 * officer sees the branch, not the ward above it or the neighbouring branch.
 */
export function visibleUnitIds(units: readonly UnitNode[], roles: readonly RoleAtUnit[]): Set<string> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const siblings = children.get(u.parentId);
    if (siblings) siblings.push(u.id);
    else children.set(u.parentId, [u.id]);
  }

  const adminOrgs = new Set<string>();
  const stack: string[] = [];
  for (const { unitId, role } of roles) {
    const unit = byId.get(unitId);
    if (!unit) continue;
    if (role === 'admin') adminOrgs.add(unit.organizationId);
    else stack.push(unitId);
  }
  const visible = new Set(units.filter((u) => adminOrgs.has(u.organizationId)).map((u) => u.id));
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (visible.has(id)) continue;
    visible.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return visible;
}

/** The chain from the root down to the unit itself (breadcrumbs). Throws on a cycle, which is corrupt data. */
export function ancestorsOf(units: readonly UnitNode[], unitId: string): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const chain: string[] = [];
  let current = byId.get(unitId);
  while (current) {
    if (chain.includes(current.id)) throw new Error(`unit tree has a cycle at ${current.id}`);
    chain.unshift(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain;
}

/** Pre-order (parents before children, siblings by the given comparator): how a tree reads top-down. */
export function treeOrder<T extends UnitNode>(units: readonly T[], compare: (a: T, b: T) => number): T[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, T[]>();
  for (const u of units) {
    // A unit whose parent is not in the list is a root of what the caller sees.
    const key = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    const list = children.get(key);
    if (list) list.push(u);
    else children.set(key, [u]);
  }
  const out: T[] = [];
  const visit = (key: string | null) => {
    for (const u of (children.get(key) ?? []).sort(compare)) {
      out.push(u);
      visit(u.id);
    }
  };
  visit(null);
  return out;
}
