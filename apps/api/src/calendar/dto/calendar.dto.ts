import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, ValidateIf } from 'class-validator';
import { CALENDAR_DAY_KINDS, CalendarDayKind } from '@lienthong/domain';
import { RequiredText } from '../../common/text';

/** What an admin may make of a day: a day off, a worked weekend day, or an ordinary day again. */
export const CALENDAR_SET_KINDS = [...CALENDAR_DAY_KINDS, 'normal'] as const;
export type CalendarSetKind = (typeof CALENDAR_SET_KINDS)[number];

const NAME_MAX = 200;

export class SetCalendarDayDto {
  @ApiProperty({
    enum: CALENDAR_SET_KINDS,
    example: 'holiday',
    description:
      'holiday: no work that day (a public holiday, nghỉ bù, nghỉ hoán đổi); working: a Saturday or Sunday that is worked (ngày làm bù); ' +
      'normal: an ordinary day again (Monday–Friday worked, weekend off)',
  })
  @IsIn(CALENDAR_SET_KINDS)
  kind: CalendarSetKind;

  @ApiPropertyOptional({
    example: 'Nghỉ bù Tết Nguyên đán',
    maxLength: NAME_MAX,
    description: 'What the day is, in Vietnamese, as officers will read it; required for holiday and working',
  })
  @ValidateIf((o: SetCalendarDayDto) => o.kind !== 'normal' || o.name !== undefined)
  @IsString()
  @MaxLength(NAME_MAX)
  @RequiredText()
  name?: string;
}

export class CalendarEditorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Quản trị viên Hội CCB quận Long Biên' }) displayName: string;
}

export class CalendarDayDto {
  @ApiProperty({ format: 'date', example: '2027-02-10' }) date: string;
  @ApiProperty({ enum: CALENDAR_DAY_KINDS, example: 'holiday' }) kind: CalendarDayKind;
  @ApiProperty({ example: 'Nghỉ bù Tết Nguyên đán' }) name: string;
  @ApiProperty({ example: false, description: 'Saturday or Sunday' }) weekend: boolean;
  @ApiProperty({ type: CalendarEditorDto, nullable: true, description: 'The admin who last set the day; null as seeded' })
  updatedBy: CalendarEditorDto | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class CalendarYearDto {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty({
    type: [CalendarDayDto],
    description: 'The exceptions to "Saturday and Sunday off", in date order: holidays and days off in their place, and worked weekend days',
  })
  days: CalendarDayDto[];
  @ApiProperty({ example: 250, description: 'Working days in the year, with the exceptions counted' }) workingDays: number;
}

export class CalendarDayResultDto {
  @ApiProperty({ format: 'date', example: '2027-02-12' }) date: string;
  @ApiProperty({
    type: CalendarDayDto,
    nullable: true,
    description: 'The day as now stored; null when it is an ordinary day (kind normal)',
  })
  day: CalendarDayDto | null;
  @ApiProperty({ example: false, description: 'Whether officers work that day now' }) working: boolean;
}
