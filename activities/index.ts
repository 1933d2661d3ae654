import { CampaignLifecycleActivities } from './campaigns/campaign.activities';
import { CaseProjectionActivities } from './cases/case-projection.activities';
import { SmokeActivities } from './smoke/smoke.activities';

/** Every activity class; the worker registers the methods of each (injected by Nest). */
export const ACTIVITY_CLASSES = [SmokeActivities, CaseProjectionActivities, CampaignLifecycleActivities];

export { CampaignLifecycleActivities, CaseProjectionActivities, SmokeActivities };
