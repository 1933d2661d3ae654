import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { AuthUser, CurrentUser } from '../auth/current-user.decorator';
import { isoDateParam, yearParam } from '../common/params';
import { CalendarService } from './calendar.service';
import { CalendarDayResultDto, CalendarYearDto, SetCalendarDayDto } from './dto/calendar.dto';

const errorExample = (statusCode: number, code: string, message: string, details?: unknown) => ({
  schema: { example: { statusCode, error: STATUS_CODES[statusCode], code, message, ...(details ? { details } : {}) } },
});

const dateParam = ApiParam({ name: 'date', format: 'date', example: '2027-02-12', description: 'The day, YYYY-MM-DD (Vietnam calendar)' });
const notAdmin = ApiForbiddenResponse({
  description: 'The caller is not an admin',
  ...errorExample(403, 'calendar.admin_only', 'Chỉ quản trị viên mới được sửa lịch ngày nghỉ lễ và ngày làm bù.'),
});
const badDate = ApiBadRequestResponse({
  description: 'Not a real day, or an invalid body; `details` names the field',
  ...errorExample(400, 'validation.failed', 'Dữ liệu không hợp lệ: date.', [
    { field: 'date', messages: ['date must be a real day written YYYY-MM-DD, from 2000 to 2100'] },
  ]),
});

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get(':year')
  @ApiOperation({
    summary: 'The working-day calendar of a year: public holidays, days off in their place (nghỉ bù) and worked weekend days (làm bù)',
  })
  @ApiParam({ name: 'year', type: 'integer', example: 2027 })
  @ApiOkResponse({ type: CalendarYearDto })
  @ApiBadRequestResponse({ description: 'Not a year from 2000 to 2100', ...errorExample(400, 'validation.failed', 'Dữ liệu không hợp lệ: year.') })
  year(@Param('year', yearParam()) year: number): Promise<CalendarYearDto> {
    return this.calendar.year(year);
  }

  @Put('days/:date')
  @ApiOperation({
    summary: 'Admins: make a day a holiday, a worked weekend day, or an ordinary day again',
    description: 'Takes effect for cases submitted from now on; running cases keep the calendar they were submitted with.',
  })
  @dateParam
  @ApiOkResponse({ type: CalendarDayResultDto })
  @badDate
  @notAdmin
  @ApiUnprocessableEntityResponse({
    description: 'A weekday cannot be a make-up working day',
    ...errorExample(422, 'calendar.working_on_weekday', 'Ngày 12/02/2027 là ngày làm việc bình thường; chỉ thứ Bảy hoặc Chủ nhật mới có thể là ngày làm bù.'),
  })
  set(
    @CurrentUser() user: AuthUser,
    @Param('date', isoDateParam()) date: string,
    @Body() body: SetCalendarDayDto,
  ): Promise<CalendarDayResultDto> {
    return this.calendar.set(user.id, date, body);
  }

  @Delete('days/:date')
  @HttpCode(204)
  @ApiOperation({ summary: 'Admins: make a day an ordinary day again (same as PUT with kind "normal"); idempotent' })
  @dateParam
  @ApiNoContentResponse({ description: 'The day is an ordinary day' })
  @badDate
  @notAdmin
  async clear(@CurrentUser() user: AuthUser, @Param('date', isoDateParam()) date: string): Promise<void> {
    await this.calendar.clear(user.id, date);
  }
}
