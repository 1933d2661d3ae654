import { Module } from '@nestjs/common';
import { UnitsModule } from '../units/units.module';
import { CaseCommandsService } from './case-commands.service';
import { CaseQueriesService } from './case-queries.service';
import { CasesController } from './cases.controller';

/** Cases of every registered process (the registry is checked when it is built: a malformed definition stops the boot). */
@Module({
  imports: [UnitsModule],
  controllers: [CasesController],
  providers: [CaseQueriesService, CaseCommandsService],
  // Campaigns open their remittances' and extensions' cases through the same path.
  exports: [CaseCommandsService],
})
export class CasesModule {}
