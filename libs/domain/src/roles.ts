/**
 * Roles a user holds at a unit. `officer` and `chair` decide cases at their level; `admin` manages the
 * whole organization (and sees all of it); `member` may sign in and follow what concerns them.
 */
export const MEMBERSHIP_ROLES = ['member', 'officer', 'chair', 'admin'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** The roles that decide cases and record their progress at a unit (members follow, admins oversee). */
export const ACTING_ROLES: readonly MembershipRole[] = ['officer', 'chair'];

/** The acting roles a process step may reserve a decision to (`deciders: { roles: ['chair'] }`). */
export const DECIDER_ROLES = ['officer', 'chair'] as const;
export type DeciderRole = (typeof DECIDER_ROLES)[number];
