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
import { PROCESSES } from '@lienthong/processes';
import { CleanText, RequiredText } from '../../common/text';
import { PAYLOAD_SCHEMA_REFS } from '../payload-schemas';

/** The first registered process's example: what a reader of the API document sees filled in. */
const EXAMPLE = PROCESSES.modules[0].example;
/** The first milestone any registered process plans. */
export const EXAMPLE_MILESTONE = PROCESSES.definitions.flatMap((d) => d.execution?.milestones ?? [])[0]?.kind ?? 'started';

/** The shape of a date; whether it names a real day (and not a future one) is the workflow's rule (422). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const COMMENT_MAX = 2000;
/**
 * Bounds of the list's paging, checked before any SQL: an unbounded page overflowed PostgreSQL's
 * integer in OFFSET (a 500). 100,000 pages of 100 is far beyond any organization's cases.
 */
export const PAGE_MAX = 100_000;
export const PAGE_SIZE_MAX = 100;

export class CreateCaseDto {
  @ApiProperty({ enum: PROCESSES.types, example: PROCESSES.types[0], description: 'Which process' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  processType: string;

  @ApiProperty({ format: 'uuid', description: 'The unit the case starts at (for most processes a branch, chi hội)' })
  @IsUUID('all')
  unitId: string;

  @ApiProperty({ example: EXAMPLE.title, maxLength: 300 })
  @IsString()
  @MaxLength(300)
  @RequiredText()
  title: string;

  @ApiProperty({
    oneOf: PAYLOAD_SCHEMA_REFS,
    example: EXAMPLE.payload,
    description: "The process's own fields (one schema per process, `<Process>Payload`), validated against its definition; amounts in VND",
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

  @ApiPropertyOptional({ enum: PROCESSES.types, example: PROCESSES.types[0] })
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
    description: "Search in the title and the process's own search fields (a person's name, an address); accents and case are ignored (\"Hùng\" = \"hung\")",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: PAGE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX)
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: PAGE_SIZE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_SIZE_MAX)
  pageSize?: number;
}

export class DecisionDto {
  @ApiProperty({ enum: DECISION_ACTIONS, example: 'approve' })
  @IsIn(DECISION_ACTIONS)
  action: DecisionAction;

  @ApiPropertyOptional({ example: 'Đã khảo sát thực tế, hoàn cảnh đúng như hồ sơ.', maxLength: COMMENT_MAX })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(COMMENT_MAX)
  comment?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { approvedAmount: 30_000_000, fundingSource: 'Quỹ Nghĩa tình đồng đội quận' },
    description: "What an approval at this step must carry: the step's `approveData` in the case detail (e.g. approvedAmount in VND and fundingSource)",
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
  @ApiProperty({ oneOf: PAYLOAD_SCHEMA_REFS, example: EXAMPLE.payload, description: "The revised payload, complete (the case's process's schema)" })
  @IsObject()
  payload: Record<string, unknown>;

  @ApiPropertyOptional({ example: 'Hỗ trợ sửa nhà cho hội viên Nguyễn Văn Hùng (bổ sung)', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @RequiredText()
  title?: string;

  @ApiPropertyOptional({ example: 'Đã bổ sung biên bản khảo sát và dự toán chi tiết.', maxLength: COMMENT_MAX })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(COMMENT_MAX)
  comment?: string;
}

export class CancelDto {
  @ApiPropertyOptional({ example: 'Gia đình đã nhận hỗ trợ từ nguồn khác.', maxLength: COMMENT_MAX })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(COMMENT_MAX)
  comment?: string;
}

export class RecordMilestoneDto {
  @ApiProperty({ example: EXAMPLE_MILESTONE, description: "The next milestone of the case's plan (`execution.milestones`), in order" })
  @IsString()
  @MaxLength(64)
  @RequiredText()
  kind: string;

  @ApiProperty({ example: '2025-03-15', description: 'YYYY-MM-DD, not in the future (Asia/Ho_Chi_Minh)' })
  @IsString()
  @Matches(ISO_DATE, { message: 'date must be YYYY-MM-DD' })
  date: string;

  @ApiPropertyOptional({ example: 'Khởi công, có đại diện Hội phường dự.', maxLength: COMMENT_MAX })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(COMMENT_MAX)
  note?: string;
}

/** A disbursement (the total stays within the approved amount) or a repayment (within what was paid out). */
export class RecordLedgerEntryDto {
  @ApiProperty({ example: 20_000_000, description: 'Whole đồng (VND), at least 1' })
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
  @CleanText()
  @IsString()
  @MaxLength(COMMENT_MAX)
  note?: string;
}

export class RecordSettlementDto {
  @ApiProperty({ example: '2025-09-30', description: 'YYYY-MM-DD, not in the future (Asia/Ho_Chi_Minh)' })
  @IsString()
  @Matches(ISO_DATE, { message: 'date must be YYYY-MM-DD' })
  date: string;

  @ApiProperty({ example: 'Công trình hoàn thành với chi phí thấp hơn dự toán; phần còn lại không giải ngân.', maxLength: COMMENT_MAX })
  @IsString()
  @MaxLength(COMMENT_MAX)
  @RequiredText()
  reason: string;
}
