import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CONTRIBUTION_METHODS, ContributionMethod, DONOR_KINDS, DonorKind } from '@lienthong/domain';

/** Not only spaces. */
const NOT_BLANK = /\S/;
/** The shape of a date; whether it is a real day and where it may fall are the service's rules (400/422). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_VND = Number.MAX_SAFE_INTEGER;

export class CreateCampaignDto {
  @ApiProperty({ format: 'uuid', description: 'The launching unit (any level); the caller is an officer or the chair there' })
  @IsUUID('all')
  unitId: string;

  @ApiProperty({ example: 'Ủng hộ đồng bào bị bão lũ năm 2026', maxLength: 300 })
  @IsString()
  @MaxLength(300)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title: string;

  @ApiProperty({ example: 'Quỹ Vì người nghèo', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'fundName must not be blank' })
  fundName: string;

  @ApiProperty({ example: 'Hỗ trợ hội viên và nhân dân các tỉnh miền Trung khắc phục hậu quả bão số 3.', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  @Matches(NOT_BLANK, { message: 'purpose must not be blank' })
  purpose: string;

  @ApiProperty({ example: 50_000_000, minimum: 1, description: 'VND, whole đồng' })
  @IsInt()
  @Min(1)
  @Max(MAX_VND)
  target: number;

  @ApiProperty({ example: '2026-12-05', description: 'YYYY-MM-DD, today or later in Vietnam' })
  @Matches(ISO_DATE, { message: 'startDate must be YYYY-MM-DD' })
  startDate: string;

  @ApiProperty({ example: '2026-12-31', description: 'YYYY-MM-DD, on or after startDate; entries close at its end (23:59:59 in Vietnam)' })
  @Matches(ISO_DATE, { message: 'endDate must be YYYY-MM-DD' })
  endDate: string;

  @ApiPropertyOptional({ example: 100_000, minimum: 1, description: 'A suggested gift per member, VND: a hint, never an obligation' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_VND)
  suggestion?: number;

  @ApiPropertyOptional({ default: false, description: 'The disclosure is readable without signing in' })
  @IsOptional()
  @IsBoolean()
  public?: boolean;
}

export class SetQuotaDto {
  @ApiProperty({ example: 20_000_000, minimum: 0, description: 'VND; 0 leaves the unit without a quota' })
  @IsInt()
  @Min(0)
  @Max(MAX_VND)
  amount: number;
}

export class CancelCampaignDto {
  @ApiProperty({ example: 'Trùng với cuộc vận động của quận.', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason: string;
}

export class DonorDto {
  @ApiProperty({ enum: DONOR_KINDS, example: 'member' })
  @IsIn(DONOR_KINDS)
  kind: DonorKind;

  @ApiPropertyOptional({ example: 'Nguyễn Văn Hùng', maxLength: 200, description: 'Required for a resident or an organization; none for an anonymous gift' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A member of the unit (kind `member`); the name is taken from the roll when not given' })
  @IsOptional()
  @IsUUID('all')
  memberId?: string;

  // No `default` in the document: generated clients would make the field required.
  @ApiPropertyOptional({
    example: true,
    description: 'The donor agreed to be named in the public disclosure (NĐ 93/2021); never for an anonymous gift. False when left out',
  })
  @IsOptional()
  @IsBoolean()
  publicName?: boolean;
}

export class RecordContributionDto {
  @ApiProperty({ format: 'uuid', description: 'The unit that received the money; the caller is an officer or the chair there' })
  @IsUUID('all')
  unitId: string;

  @ApiProperty({ type: DonorDto })
  @ValidateNested()
  @Type(() => DonorDto)
  donor: DonorDto;

  @ApiProperty({ example: 500_000, minimum: 1, description: 'VND, whole đồng (goods: their value)' })
  @IsInt()
  @Min(1)
  @Max(MAX_VND)
  amount: number;

  @ApiProperty({ example: '2026-12-10', description: 'YYYY-MM-DD: within the campaign, not after today in Vietnam' })
  @Matches(ISO_DATE, { message: 'date must be YYYY-MM-DD' })
  date: string;

  @ApiProperty({ enum: CONTRIBUTION_METHODS, example: 'cash' })
  @IsIn(CONTRIBUTION_METHODS)
  method: ContributionMethod;

  @ApiPropertyOptional({ example: 'Nộp tại buổi sinh hoạt chi hội', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ReverseContributionDto {
  @ApiProperty({ example: 'Ghi nhầm số tiền (500.000 đ thay vì 50.000 đ).', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason: string;
}

export class ListContributionsQueryDto {
  @ApiProperty({ format: 'uuid', description: "The unit whose entries to list (a parent's list holds its whole subtree)" })
  @IsUUID('all')
  unitId: string;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

export class ListCampaignsQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}
