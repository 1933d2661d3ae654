import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CampaignStatus, Person } from '@lienthong/domain';

/**
 * The contract between the API and campaign workflows. A campaign workflow owns the lifecycle only
 * (launch, cancel, reminders, the close at the end date); contributions never pass through it, they
 * are rows in PostgreSQL (a campaign may take 100,000 of them). Nothing here touches Node or the DB.
 */

/** One workflow per campaign, its ID derived from the campaign ID. */
export function campaignWorkflowId(campaignId: string): string {
  return `campaign-${campaignId}`;
}

/** The workflow's type name (workflows/campaign/campaign.workflow.ts exports it under this name). */
export const CAMPAIGN_WORKFLOW_TYPE = 'campaignWorkflow';

export interface CampaignWorkflowInput {
  campaignId: string;
  startDate: string;
  endDate: string;
  /** Where the workflow starts: `draft` when the API creates the campaign; `open` to carry on a launched one. */
  status?: Extract<CampaignStatus, 'draft' | 'open'>;
  launchedAt?: string | null;
}

export interface CampaignWorkflowState {
  campaignId: string;
  status: CampaignStatus;
  startDate: string;
  endDate: string;
  launchedAt: string | null;
  /** The reminders sent, in days before the end (7, 1). */
  remindersSent: number[];
  closedAt: string | null;
}

/** A person's change: who, the key that makes its write idempotent (user + Idempotency-Key), the request's hash. */
export interface CampaignChangeInput {
  actor: Person;
  eventKey: string;
  requestHash: string;
  comment?: string | null;
}

/** Echoes the hash of the request that first used the Update ID (Temporal answers repeats with the first result). */
export interface CampaignUpdateResult {
  status: CampaignStatus;
  requestHash: string;
}

export const launchCampaignUpdate = defineUpdate<CampaignUpdateResult, [CampaignChangeInput]>('launch');
export const cancelCampaignUpdate = defineUpdate<CampaignUpdateResult, [CampaignChangeInput]>('cancel');
export const campaignStateQuery = defineQuery<CampaignWorkflowState>('campaignState');

/** Implemented by `activities/campaigns`; each one idempotent (Temporal may run it twice). */
export interface CampaignActivities {
  /** draft → open, a `launched` event, every unit below notified. */
  recordCampaignLaunched(input: CampaignChangeInput & { campaignId: string }): Promise<void>;
  /** draft/open → cancelled, a `cancelled` event. */
  recordCampaignCancelled(input: CampaignChangeInput & { campaignId: string }): Promise<void>;
  /** Notifies the units below pace `daysLeft` days before the end; returns how many units were behind. */
  remindCampaignUnitsBehind(input: { campaignId: string; daysLeft: number }): Promise<number>;
  /** draft/open → closed at the end of the end date, a `closed` event. */
  closeCampaign(input: { campaignId: string }): Promise<void>;
}
