import { Module } from '@nestjs/common';
import { UnitsModule } from '../units/units.module';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

@Module({
  imports: [UnitsModule],
  controllers: [MembersController],
  providers: [MembersService],
})
export class MembersModule {}
