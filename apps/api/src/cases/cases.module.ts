import { Module, OnModuleInit } from '@nestjs/common';
import { PROCESS_DEFINITIONS, validateDefinitions } from '@lienthong/domain';
import { UnitsModule } from '../units/units.module';
import { CaseCommandsService } from './case-commands.service';
import { CaseQueriesService } from './case-queries.service';
import { CasesController } from './cases.controller';

@Module({
  imports: [UnitsModule],
  controllers: [CasesController],
  providers: [CaseQueriesService, CaseCommandsService],
})
export class CasesModule implements OnModuleInit {
  /** A malformed process definition stops the API at boot, not the first case that uses it. */
  onModuleInit(): void {
    validateDefinitions(PROCESS_DEFINITIONS);
  }
}
