import { ApiProperty } from '@nestjs/swagger';
import {
  CASE_EVENT_ACTIONS,
  CASE_STATUSES,
  CaseAction,
  CaseEventAction,
  CaseStatus,
  DECIDER_ROLES,
  DeciderRole,
  DECISION_ACTIONS,
  DecisionAction,
  PHASE_OPERATIONS,
} from '@lienthong/domain';
import { PROCESSES } from '@lienthong/processes';
import { PAYLOAD_SCHEMA_REFS } from '../payload-schemas';
import { EXAMPLE_MILESTONE } from './case-requests.dto';

const CASE_ACTIONS: CaseAction[] = [...DECISION_ACTIONS, 'resubmit', 'cancel', ...PHASE_OPERATIONS];

export class UnitRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Chi hội 1' }) name: string;
}

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Nguyễn Văn Thành' }) displayName: string;
}

export class CurrentStepDto {
  @ApiProperty({ example: 'ward-verification' }) id: string;
  @ApiProperty({ example: 'ward' }) levelCode: string;
  @ApiProperty({ format: 'uuid', description: 'The unit whose officers decide this step' }) unitId: string;
  @ApiProperty({ example: 'Hội CCB phường Ngọc Thụy' }) unitName: string;
}

export class CaseSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PROCESSES.types, example: PROCESSES.types[0] }) processType: string;
  @ApiProperty({ example: 'Hỗ trợ sửa nhà cho hội viên Nguyễn Văn Hùng' }) title: string;
  @ApiProperty({ enum: CASE_STATUSES, example: 'pending' }) status: CaseStatus;
  @ApiProperty({ type: UnitRefDto, description: 'Where the case started' }) originUnit: UnitRefDto;
  @ApiProperty({
    type: CurrentStepDto,
    nullable: true,
    description: 'The step waiting for a decision; null when none is (returned for revision, in execution, closed)',
  })
  currentStep: CurrentStepDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2025-03-10T16:59:59.999Z' }) dueAt: string | null;
  @ApiProperty({ example: false }) overdue: boolean;
  @ApiProperty({ example: false, description: 'Overdue long enough that the level above was alerted' }) escalated: boolean;
  @ApiProperty({ type: Number, nullable: true, example: 30_000_000, description: 'VND' }) requestedAmount: number | null;
  @ApiProperty({ type: Number, nullable: true, example: null, description: 'VND, set by the final approval' })
  approvedAmount: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 0, description: 'VND disbursed so far' }) disbursedAmount: number | null;
  @ApiProperty({ type: String, nullable: true, example: null }) fundingSource: string | null;
  @ApiProperty({ type: PersonRefDto }) createdBy: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
}

export class CaseListDto {
  @ApiProperty({ type: [CaseSummaryDto] }) items: CaseSummaryDto[];
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) pageSize: number;
  @ApiProperty({ example: 57, description: 'Matching cases in all pages' }) total: number;
}

export class InboxDto {
  @ApiProperty({ type: [CaseSummaryDto], description: 'Most urgent first (earliest due)' }) items: CaseSummaryDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: Object.fromEntries(PROCESSES.types.map((t, i) => [t, 3 - i])),
    description: 'Cases waiting for the caller, per process type',
  })
  counts: Record<string, number>;
}

export class VoteDto extends PersonRefDto {
  @ApiProperty({ enum: DECISION_ACTIONS, example: 'approve' }) action: DecisionAction;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export const CHAIN_STEP_STATES = ['approved', 'pending', 'returned', 'rejected', 'cancelled', 'upcoming', 'not_reached'] as const;
export type ChainStepState = (typeof CHAIN_STEP_STATES)[number];

export const DECISION_FIELD_TYPES = ['vnd', 'text'] as const;

export class AmountCapDto {
  @ApiProperty({ example: 30_000_000, description: 'VND: the most this field may be, for this case (its date and its payload)' })
  amount: number;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2024-11-10',
    description: 'YYYY-MM-DD the amount is in force since (null: since before any recorded date)',
  })
  since: string | null;
  @ApiProperty({ example: 'supportCap', description: "The process's setting it comes from" }) setting: string;
}

export class DecisionFieldDto {
  @ApiProperty({ example: 'approvedAmount', description: 'Key of the value in the decision\'s `data`' }) name: string;
  @ApiProperty({ enum: DECISION_FIELD_TYPES, example: 'vnd', description: 'vnd: whole đồng, at least 1; text: a non-blank string' })
  type: (typeof DECISION_FIELD_TYPES)[number];
  @ApiProperty({
    type: String,
    required: false,
    example: 'requestedAmount',
    description: 'For vnd: the value may not exceed this field of the case payload',
  })
  maxFromPayload?: string;
  @ApiProperty({
    type: AmountCapDto,
    required: false,
    description:
      'For vnd: a cap the process sets with an effective date (e.g. a support amount per kind of works), as in force ' +
      "on the case's date for its payload; the value may not exceed it either (422 case.amount_above_cap)",
  })
  cap?: AmountCapDto;
  @ApiProperty({ type: Number, required: false, example: 200, description: 'For text: the longest accepted value' })
  maxLength?: number;
}

export class VotesRequiredDto {
  @ApiProperty({ type: 'integer', example: 1 }) approve: number;
  @ApiProperty({ type: 'integer', example: 1 }) reject: number;
}

export class ChainStepDto {
  @ApiProperty({ example: 'district-approval' }) id: string;
  @ApiProperty({ example: 'district' }) levelCode: string;
  @ApiProperty({ example: 'Quận' }) levelName: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: 'Hội CCB quận Long Biên' }) unitName: string;
  @ApiProperty({
    enum: CHAIN_STEP_STATES,
    example: 'pending',
    description:
      'approved: passed; pending: waiting for its decision; returned/rejected/cancelled: where the case was sent back or ended; ' +
      'upcoming: still ahead; not_reached: the case ended before it',
  })
  state: ChainStepState;
  @ApiProperty({ enum: DECISION_ACTIONS, isArray: true, example: ['approve', 'return', 'reject'] }) actions: DecisionAction[];
  @ApiProperty({
    enum: DECISION_ACTIONS,
    isArray: true,
    example: ['return', 'reject'],
    description: 'Decisions at this step that must give a comment (the reason)',
  })
  commentRequiredFor: DecisionAction[];
  @ApiProperty({
    type: DecisionFieldDto,
    isArray: true,
    example: [
      {
        name: 'approvedAmount',
        type: 'vnd',
        maxFromPayload: 'requestedAmount',
        cap: { amount: 30_000_000, since: '2024-11-10', setting: 'supportCap' },
      },
      { name: 'fundingSource', type: 'text', maxLength: 200 },
    ],
    description:
      'What an approve at this step must carry in `data` (district: the sum granted, at most the sum requested, and the fund it comes from, ' +
      'e.g. "Quỹ Nghĩa tình đồng đội quận"); empty when nothing',
  })
  approveData: DecisionFieldDto[];
  @ApiProperty({ type: () => VotesRequiredDto, description: 'Distinct approvals that pass the step, rejections that end the case' })
  votesRequired: VotesRequiredDto;
  @ApiProperty({
    enum: DECIDER_ROLES,
    isArray: true,
    required: false,
    example: ['chair'],
    description: "Only these roles at the step's unit decide it (['chair']: the chair signs); absent: any officer or chair of the unit",
  })
  deciderRoles?: DeciderRole[];
  @ApiProperty({
    type: [PersonRefDto],
    required: false,
    description: "A council's step: its members (frozen when the case was submitted) vote, `votesRequired` of them; absent otherwise",
  })
  council?: PersonRefDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) enteredAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) escalateAt: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty() escalated: boolean;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 3,
    description:
      'Pending step with a deadline in working days ("Còn 3 ngày làm việc"): working days from today to the due day, 0 on it, ' +
      'negative once past (working days missed); null otherwise (count calendar days to dueAt)',
  })
  workingDaysLeft: number | null;
  @ApiProperty({ type: [VoteDto], description: 'Decisions recorded at the step while it is pending' }) votes: VoteDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the step passed' }) decidedAt: string | null;
  @ApiProperty({ type: [PersonRefDto], description: 'Who passed the step' }) decidedBy: PersonRefDto[];
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    example: { approvedAmount: 30_000_000, fundingSource: 'Quỹ Nghĩa tình đồng đội quận' },
  })
  data: Record<string, unknown> | null;
}

export class MilestoneProgressDto {
  @ApiProperty({ example: EXAMPLE_MILESTONE }) kind: string;
  @ApiProperty({ example: '2025-04-14' }) targetDate: string;
  @ApiProperty({ type: String, nullable: true, example: '2025-04-02' }) date: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Khởi công' }) note: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) recordedBy: PersonRefDto | null;
  @ApiProperty({ example: false }) overdue: boolean;
}

export class SettlementDto {
  @ApiProperty({ example: '2025-09-30' }) date: string;
  @ApiProperty({ example: 'Chi phí thực tế thấp hơn dự toán.' }) reason: string;
  @ApiProperty({ type: PersonRefDto }) by: PersonRefDto;
  @ApiProperty({ example: 2_000_000, description: 'VND left undisbursed' }) waived: number;
}

export class ExecutionDto {
  @ApiProperty({ format: 'date-time' }) approvedAt: string;
  @ApiProperty({ type: [MilestoneProgressDto] }) milestones: MilestoneProgressDto[];
  @ApiProperty({ example: 20_000_000, description: 'VND disbursed so far' }) disbursed: number;
  @ApiProperty({ type: Number, nullable: true, example: 30_000_000, description: 'VND that may be disbursed in all' }) cap: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 10_000_000, description: 'VND still to disburse (0 once settled)' })
  remaining: number | null;
  @ApiProperty({ example: 0, description: 'VND paid back so far (where money comes back)' }) repaid: number;
  @ApiProperty({ example: 20_000_000, description: 'VND paid out and not yet paid back' }) outstanding: number;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'When the money must be back by (where money comes back), YYYY-MM-DD' })
  repaymentDueDate: string | null;
  @ApiProperty({ type: SettlementDto, nullable: true, description: 'The ledger closed below the cap, with a reason' })
  settlement: SettlementDto | null;
}

export class TimelineEventDto {
  @ApiProperty({ example: 2 }) seq: number;
  @ApiProperty({ enum: CASE_EVENT_ACTIONS, example: 'approved' }) action: CaseEventAction;
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'null for what the system did (deadlines)' })
  actor: PersonRefDto | null;
  @ApiProperty({ type: String, nullable: true, example: 'ward-verification' }) stepId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'ward' }) levelCode: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) unitId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Đã khảo sát thực tế.' }) comment: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) data: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class LedgerEntryDto {
  @ApiProperty({ example: 5 }) seq: number;
  @ApiProperty({ example: 'disbursement' }) kind: string;
  @ApiProperty({ example: 20_000_000, description: 'VND' }) amount: number;
  @ApiProperty({ example: '2025-03-20' }) date: string;
  @ApiProperty({ type: String, nullable: true, example: 'Tạm ứng đợt 1' }) note: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) recordedBy: PersonRefDto | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class CaseDetailDto extends CaseSummaryDto {
  @ApiProperty({ oneOf: PAYLOAD_SCHEMA_REFS, example: PROCESSES.modules[0].example.payload, description: "The process's own fields" })
  payload: Record<string, unknown>;
  @ApiProperty({ type: [ChainStepDto], description: 'The levels the case climbs, resolved when it was submitted' })
  chain: ChainStepDto[];
  @ApiProperty({ type: ExecutionDto, nullable: true, description: "After the final approval, for processes with an execution phase: milestones and the ledger's totals" })
  execution: ExecutionDto | null;
  @ApiProperty({ type: [TimelineEventDto], description: 'Everything that happened, in order' }) timeline: TimelineEventDto[];
  @ApiProperty({ type: [LedgerEntryDto] }) ledger: LedgerEntryDto[];
  @ApiProperty({
    enum: CASE_ACTIONS,
    isArray: true,
    example: ['approve', 'return', 'reject'],
    description: 'What the caller may do now; each is accepted if tried now',
  })
  allowedActions: CaseAction[];
}
