import { ApiProperty } from '@nestjs/swagger';
import { CAMPAIGN_EVENT_ACTIONS, CAMPAIGN_STATUSES, CampaignAction, CampaignEventAction, CampaignStatus, CONTRIBUTION_METHODS, ContributionMethod, DONOR_KINDS, DonorKind } from '@lienthong/domain';

export const CAMPAIGN_ACTIONS: CampaignAction[] = ['launch', 'cancel', 'setQuota', 'contribute', 'viewContributions', 'remit', 'requestExtension'];

export class CampaignUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Hội CCB phường Ngọc Thụy' }) name: string;
  @ApiProperty({ example: 'ward' }) levelCode: string;
}

export class CampaignSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'VD-2026-0001', description: 'Human-readable, numbered per year' }) code: string;
  @ApiProperty({ type: CampaignUnitDto, description: 'The launching unit' }) unit: CampaignUnitDto;
  @ApiProperty({ example: 'Ủng hộ đồng bào bị bão lũ năm 2026' }) title: string;
  @ApiProperty({ example: 'Quỹ Vì người nghèo' }) fundName: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES, example: 'open' }) status: CampaignStatus;
  @ApiProperty({ example: '2026-12-05' }) startDate: string;
  @ApiProperty({ example: '2026-12-31' }) endDate: string;
  @ApiProperty({ example: 50_000_000, description: 'VND' }) target: number;
  @ApiProperty({ example: 21_500_000, description: 'Net VND collected in the whole campaign (reversals subtracted)' }) collected: number;
  @ApiProperty({ example: 43, description: 'collected ÷ target, percent, one decimal' }) percent: number;
  @ApiProperty({ example: 12, description: 'Whole days from today to the end date in Vietnam; 0 on the last day and after' }) daysLeft: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CampaignListDto {
  @ApiProperty({ type: [CampaignSummaryDto] }) items: CampaignSummaryDto[];
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) pageSize: number;
  @ApiProperty({ example: 3 }) total: number;
}

export class CampaignPersonDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ example: 'Trần Văn Minh' }) displayName: string;
}

export class CampaignEventDto {
  @ApiProperty({ example: 2 }) seq: number;
  @ApiProperty({ enum: CAMPAIGN_EVENT_ACTIONS, example: 'quota_set' }) action: CampaignEventAction;
  @ApiProperty({ type: CampaignPersonDto, nullable: true, description: 'null for what the campaign did itself (reminders, the close)' })
  actor: CampaignPersonDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) comment: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: { amount: 20_000_000, previous: null } })
  data: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class CampaignDetailDto extends CampaignSummaryDto {
  @ApiProperty({ example: 'Hỗ trợ hội viên và nhân dân các tỉnh miền Trung khắc phục hậu quả bão số 3.' }) purpose: string;
  @ApiProperty({ type: Number, nullable: true, example: 100_000, description: 'Suggested gift per member, VND' }) suggestion: number | null;
  @ApiProperty({ example: false }) public: boolean;
  @ApiProperty({ example: 37, description: 'Entries in the whole campaign, reversals included' }) entries: number;
  @ApiProperty({
    example: 6_000_000,
    description: 'VND handed to the launching unit by the units right below it, pending or confirmed (disputed ones are not counted)',
  })
  remitted: number;
  @ApiProperty({ example: 4_500_000, description: 'Of `remitted`, what the launching unit has confirmed receiving' }) confirmed: number;
  @ApiProperty({
    type: () => [CampaignExtensionViewDto],
    description: 'Approved extensions: each lets its unit record contributions until the end of `until`',
  })
  extensions: CampaignExtensionViewDto[];
  @ApiProperty({ type: CampaignPersonDto }) createdBy: CampaignPersonDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) launchedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ type: [CampaignEventDto], description: 'Oldest first' }) timeline: CampaignEventDto[];
  @ApiProperty({ enum: CAMPAIGN_ACTIONS, isArray: true, example: ['setQuota', 'contribute', 'viewContributions'] })
  allowedActions: CampaignAction[];
}

export class CampaignExtensionViewDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: '2027-01-15' }) until: string;
}

export class CampaignStatusDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES, example: 'open' }) status: CampaignStatus;
}

export class QuotaDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: 20_000_000, description: 'VND' }) amount: number;
}

export class ProgressNodeDto {
  @ApiProperty({ type: CampaignUnitDto }) unit: CampaignUnitDto;
  @ApiProperty({ type: Number, nullable: true, example: 20_000_000, description: "VND; the root's is the target; null without one" })
  quota: number | null;
  @ApiProperty({ example: 8_500_000, description: 'Net VND of the unit and its whole subtree' }) collected: number;
  @ApiProperty({ example: 3_000_000, description: 'VND the unit itself has handed to its parent, pending or confirmed (its own, not its subtree’s)' })
  remitted: number;
  @ApiProperty({ example: 1_500_000, description: 'Of `remitted`, what the parent has confirmed' }) confirmed: number;
  @ApiProperty({ type: Number, nullable: true, example: 42.5, description: 'collected ÷ quota, percent, one decimal; null without a quota' })
  percent: number | null;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    example: true,
    description: "collected ÷ quota at least the share of the campaign's time passed; null without a quota",
  })
  onPace: boolean | null;
  @ApiProperty({ type: () => [ProgressNodeDto], description: 'Units below, by name' }) children: ProgressNodeDto[];
}

export class DonorViewDto {
  @ApiProperty({ enum: DONOR_KINDS, example: 'member' }) kind: DonorKind;
  @ApiProperty({ type: String, nullable: true, example: 'Nguyễn Văn Hùng' }) name: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) memberId: string | null;
  @ApiProperty({ example: false, description: 'Named in the public disclosure (the donor agreed)' }) publicName: boolean;
}

export class ContributionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ type: Number, nullable: true, example: 7, description: '1, 2, 3 … per unit per campaign, gap-free; null on a reversal' })
  receiptNo: number | null;
  @ApiProperty({ type: DonorViewDto }) donor: DonorViewDto;
  @ApiProperty({ example: 500_000, description: 'VND; negative on a reversal' }) amount: number;
  @ApiProperty({ example: '2026-12-10' }) date: string;
  @ApiProperty({ enum: CONTRIBUTION_METHODS, example: 'cash' }) method: ContributionMethod;
  @ApiProperty({ type: String, nullable: true, example: 'Nộp tại buổi sinh hoạt chi hội' }) note: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'On a reversal: the entry it reverses' }) reverses: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The reversal of this entry, if any' }) reversedBy: string | null;
  @ApiProperty({ type: CampaignPersonDto }) recordedBy: CampaignPersonDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ContributionListDto {
  @ApiProperty({ type: [ContributionDto], description: 'Newest first' }) items: ContributionDto[];
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 50 }) pageSize: number;
  @ApiProperty({ example: 12, description: 'Entries of the unit (and its subtree) in all pages' }) total: number;
  @ApiProperty({ example: 6_200_000, description: 'Net VND of those entries' }) collected: number;
}

export class RemittanceCreatedDto {
  @ApiProperty({ format: 'uuid', description: 'The remittance in the campaign’s ledger' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'Its confirmation case, in the parent’s inbox (`POST /api/cases/:id/decisions`: approve confirms, reject disputes)' })
  caseId: string;
}

export class ExtensionCreatedDto {
  @ApiProperty({ format: 'uuid', description: 'The request (in the campaign’s timeline)' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'Its case, in the parent’s inbox (approve grants it, reject with a reason refuses it)' }) caseId: string;
}
