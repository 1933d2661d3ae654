import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CASE_STATUSES, CaseStatus, DECISION_ACTIONS, DecisionAction } from '@lienthong/domain';

/** Not only spaces: a title or a kind must say something. */
const NOT_BLANK = /\S/;
/** The shape of a date; whether it names a real day (and not a future one) is the workflow's rule (422). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const COMMENT_MAX = 2000;

export const HOUSING_PAYLOAD_EXAMPLE = {
  beneficiary: {
    name: 'Nguyễn Văn Hùng',
    address: 'Tổ dân phố 1, phường Ngọc Thụy, quận Long Biên, Hà Nội',
    phone: '0912 345 678',
  },
  situation: 'Nhà cấp 4 xây năm 1985, mái ngói dột nát, tường nứt; hộ có 3 người, thu nhập thấp, không đủ khả năng tự sửa chữa.',
  kind: 'repair',
  estimatedCost: 120_000_000,
  requestedAmount: 50_000_000,
  otherFunding: [{ source: 'Gia đình tự đóng góp', amount: 70_000_000 }],
};

export class CreateCaseDto {
  @ApiProperty({ example: 'housing-support', description: 'Which process (see the process definitions)' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  processType: string;

  @ApiProperty({ format: 'uuid', description: 'The unit the case starts at (housing support: a branch, chi hội)' })
  @IsUUID('all')
  unitId: string;

  @ApiProperty({ example: 'Hỗ trợ sửa nhà cho hội viên Nguyễn Văn Hùng', maxLength: 300 })
  @IsString()
  @MaxLength(300)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: HOUSING_PAYLOAD_EXAMPLE,
    description: "The process's own fields, validated against its definition (housing support: beneficiary, situation, kind, amounts in VND)",
  })
  @IsObject()
  payload: Record<string, unknown>;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListCasesQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES, example: 'pending' })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ example: 'housing-support' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  processType?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Cases that started at this unit or below it' })
  @IsOptional()
  @IsUUID('all')
  unitId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only cases past (true) or within (false) their deadline' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    example: 'nguyen van hung',
    description: 'Search in title, beneficiary name and address; accents and case are ignored ("Hùng" = "hung")',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

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

export class DecisionDto {
  @ApiProperty({ enum: DECISION_ACTIONS, example: 'approve' })
  @IsIn(DECISION_ACTIONS)
  action: DecisionAction;

  @ApiPropertyOptional({ example: 'Đã khảo sát thực tế, hoàn cảnh đúng như hồ sơ.', maxLength: COMMENT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_MAX)
  comment?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { approvedAmount: 40_000_000, fundingSource: 'Quỹ Nghĩa tình đồng đội quận' },
    description: 'What an approval at this step must carry (district: approvedAmount in VND and fundingSource)',
  })
  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;

  @ApiPropertyOptional({
    example: 'ward-verification',
    description: 'The step the caller decided on; defaults to the step the case is at. If it moved on meanwhile: 409 case.stale_step',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  expectedStep?: string;
}

export class ResubmitDto {
  @ApiProperty({ type: 'object', additionalProperties: true, example: HOUSING_PAYLOAD_EXAMPLE, description: 'The revised payload, complete' })
  @IsObject()
  payload: Record<string, unknown>;

  @ApiPropertyOptional({ example: 'Hỗ trợ sửa nhà cho hội viên Nguyễn Văn Hùng (bổ sung)', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title?: string;

  @ApiPropertyOptional({ example: 'Đã bổ sung biên bản khảo sát và dự toán chi tiết.', maxLength: COMMENT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_MAX)
  comment?: string;
}

export class CancelDto {
  @ApiPropertyOptional({ example: 'Gia đình đã nhận hỗ trợ từ nguồn khác.', maxLength: COMMENT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_MAX)
  comment?: string;
}

export class RecordMilestoneDto {
  @ApiProperty({ example: 'construction-started', description: 'The next milestone of the plan, in order' })
  @IsString()
  @MaxLength(64)
  @Matches(NOT_BLANK, { message: 'kind must not be blank' })
  kind: string;

  @ApiProperty({ example: '2025-03-15', description: 'YYYY-MM-DD, not in the future (Asia/Ho_Chi_Minh)' })
  @IsString()
  @Matches(ISO_DATE, { message: 'date must be YYYY-MM-DD' })
  date: string;

  @ApiPropertyOptional({ example: 'Khởi công, có đại diện Hội phường dự.', maxLength: COMMENT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_MAX)
  note?: string;
}

export class RecordDisbursementDto {
  @ApiProperty({ example: 20_000_000, description: 'Whole đồng (VND), at least 1; the total stays within the approved amount' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amount: number;

  @ApiProperty({ example: '2025-03-20', description: 'YYYY-MM-DD, not in the future (Asia/Ho_Chi_Minh)' })
  @IsString()
  @Matches(ISO_DATE, { message: 'date must be YYYY-MM-DD' })
  date: string;

  @ApiPropertyOptional({ example: 'Tạm ứng đợt 1 bằng chuyển khoản.', maxLength: COMMENT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_MAX)
  note?: string;
}
