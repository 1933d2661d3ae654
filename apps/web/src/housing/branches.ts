import type { Schemas } from '../api/client';

/** Roles that may open and act on cases at their unit (the API's ACTING_ROLES; members only read). */
const ACTING_ROLES = ['officer', 'chair'];

/**
 * The branches (chi hội) where the user may open a housing case: housing cases start at the bottom
 * level of the chain, and only officers or chairs of the unit open them. The API decides in the end
 * (a unit above may also open for a branch); this only keeps the form out of the way of those who
 * cannot use it.
 */
export function branchMemberships(user: Schemas['MeDto']): Schemas['MembershipDto'][] {
  return user.memberships.filter((m) => m.unit.level.rank === 0 && ACTING_ROLES.includes(m.role));
}

export const canOpenCases = (user: Schemas['MeDto']) => branchMemberships(user).length > 0;
