/** Who a notification goes to: the officers and chairs of some units, or one user. */
export type Recipients = { units: string[] } | { user: string };

/**
 * A notification the projection writes for an event: `kind` has a message `notification.<kind>`
 * (libs/i18n for the chain's, the process module's own texts for its phase's), filled from `params`.
 */
export interface NotificationPlan {
  kind: string;
  to: Recipients;
  params: Record<string, unknown>;
}
