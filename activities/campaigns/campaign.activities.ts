import { Injectable } from '@nestjs/common';
import type { CampaignActivities, CampaignChangeInput } from '@lienthong/contracts';
import { CampaignLifecycleService } from '@lienthong/persistence';

/** Thin adapter: the campaign workflow calls these, CampaignLifecycleService writes (idempotently). */
@Injectable()
export class CampaignLifecycleActivities implements CampaignActivities {
  constructor(private readonly lifecycle: CampaignLifecycleService) {}

  async recordCampaignLaunched({ campaignId, ...change }: CampaignChangeInput & { campaignId: string }): Promise<void> {
    await this.lifecycle.launched(campaignId, change);
  }

  async recordCampaignCancelled({ campaignId, ...change }: CampaignChangeInput & { campaignId: string }): Promise<void> {
    await this.lifecycle.cancelled(campaignId, change);
  }

  remindCampaignUnitsBehind(input: { campaignId: string; daysLeft: number }): Promise<number> {
    return this.lifecycle.remindBehind(input.campaignId, input.daysLeft);
  }

  async closeCampaign(input: { campaignId: string }): Promise<void> {
    await this.lifecycle.close(input.campaignId);
  }
}
