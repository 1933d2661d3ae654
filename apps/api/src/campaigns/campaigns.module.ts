import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { UnitsModule } from '../units/units.module';
import { CampaignCommandsService } from './campaign-commands.service';
import { CampaignDocumentsController, PublicCampaignsController } from './campaign-documents.controller';
import { CampaignDocumentsService } from './campaign-documents.service';
import { CampaignQueriesService } from './campaign-queries.service';
import { CampaignsController } from './campaigns.controller';

/** Fund campaigns: the lifecycle through each campaign's workflow, quotas and contributions as rows. */
@Module({
  imports: [UnitsModule, CasesModule],
  controllers: [CampaignsController, CampaignDocumentsController, PublicCampaignsController],
  providers: [CampaignQueriesService, CampaignCommandsService, CampaignDocumentsService],
})
export class CampaignsModule {}
