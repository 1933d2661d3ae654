import { Module } from '@nestjs/common';
import { UnitsModule } from '../units/units.module';
import { CampaignCommandsService } from './campaign-commands.service';
import { CampaignQueriesService } from './campaign-queries.service';
import { CampaignsController } from './campaigns.controller';

/** Fund campaigns: the lifecycle through each campaign's workflow, quotas and contributions as rows. */
@Module({
  imports: [UnitsModule],
  controllers: [CampaignsController],
  providers: [CampaignQueriesService, CampaignCommandsService],
})
export class CampaignsModule {}
