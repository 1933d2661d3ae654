import { Module } from '@nestjs/common';
import { UnitsModule } from '../units/units.module';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

/** The working-day calendar: read by everyone signed in, corrected by admins (the table is in libs/persistence). */
@Module({
  imports: [UnitsModule],
  controllers: [CalendarController],
  providers: [CalendarService],
})
export class CalendarModule {}
