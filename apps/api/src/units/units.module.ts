import { Module } from '@nestjs/common';
import { AccessService } from './access.service';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

@Module({
  controllers: [UnitsController],
  providers: [UnitsService, AccessService],
  exports: [UnitsService, AccessService],
})
export class UnitsModule {}
