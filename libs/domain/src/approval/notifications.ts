import type { ResolvedStep } from './case-model';

/**
 * Who a notification goes to: the officers and chairs of some units (or only those of them holding
 * `roles`), one user, or some users (a council's members).
 */
export type Recipients = { units: string[]; roles?: string[] } | { user: string } | { users: string[] };

/** Whoever decides a step: its council, the roles it is reserved to, or the officers and chairs of its unit. */
export function stepDeciders(step: Pick<ResolvedStep, 'unitId' | 'deciderRoles' | 'council'>): Recipients {
  if (step.council) return { users: step.council.map((m) => m.userId) };
  return step.deciderRoles ? { units: [step.unitId], roles: [...step.deciderRoles] } : { units: [step.unitId] };
}

/**
 * A notification the projection writes for an event: `kind` has a message `notification.<kind>`
 * (libs/i18n for the chain's, the process module's own texts for its phase's), filled from `params`.
 */
export interface NotificationPlan {
  kind: string;
  to: Recipients;
  params: Record<string, unknown>;
}
