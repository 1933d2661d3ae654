import { Injectable } from '@nestjs/common';
import { DomainError, isWeekendDate, isWorkingDay, shiftDate, toWorkingCalendar } from '@lienthong/domain';
import { CalendarDaysService, StoredCalendarDay } from '@lienthong/persistence';
import { AccessService } from '../units/access.service';
import { CalendarDayDto, CalendarDayResultDto, CalendarYearDto, SetCalendarDayDto } from './dto/calendar.dto';

const toDto = (d: StoredCalendarDay): CalendarDayDto => ({ ...d, weekend: isWeekendDate(d.date) });
const dayMonthYear = (date: string) => date.split('-').reverse().join('/');

/**
 * The working-day calendar over HTTP. Holidays are national, so the table is shared by every
 * organization: anyone signed in reads it, an admin of any organization corrects it. A correction
 * reaches cases submitted after it (each case froze its own calendar when it was submitted).
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly days: CalendarDaysService,
    private readonly access: AccessService,
  ) {}

  async year(year: number): Promise<CalendarYearDto> {
    const days = await this.days.year(year);
    const calendar = toWorkingCalendar(days);
    let workingDays = 0;
    for (let date = `${year}-01-01`; date <= `${year}-12-31`; date = shiftDate(date, 1)) if (isWorkingDay(date, calendar)) workingDays++;
    return { year, days: days.map(toDto), workingDays };
  }

  async set(userId: string, date: string, body: SetCalendarDayDto): Promise<CalendarDayResultDto> {
    await this.requireAdmin(userId);
    if (body.kind === 'normal') {
      await this.days.clear(date);
      return { date, day: null, working: !isWeekendDate(date) };
    }
    if (body.kind === 'working' && !isWeekendDate(date)) {
      throw new DomainError('unprocessable', 'calendar.working_on_weekday', { date: dayMonthYear(date) });
    }
    const day = await this.days.set(date, body.kind, body.name!.normalize('NFC').trim(), userId);
    return { date, day: toDto(day), working: body.kind === 'working' };
  }

  async clear(userId: string, date: string): Promise<void> {
    await this.requireAdmin(userId);
    await this.days.clear(date);
  }

  /** Roles are read from the database on each request, as everywhere: a revoked admin stops at once. */
  private async requireAdmin(userId: string): Promise<void> {
    const memberships = await this.access.memberships(userId);
    if (!memberships.some((m) => m.role === 'admin')) throw new DomainError('forbidden', 'calendar.admin_only');
  }
}
