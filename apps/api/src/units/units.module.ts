import { Module } from '@nestjs/common';
import { AccessService } from './access.service';
import { CouncilsService } from './councils.service';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

@Module({
  controllers: [UnitsController],
  providers: [UnitsService, AccessService, CouncilsService],
  exports: [UnitsService, AccessService, CouncilsService],
})
export class UnitsModule {}
