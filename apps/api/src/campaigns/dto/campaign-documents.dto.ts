import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CAMPAIGN_STATUSES, CampaignStatus, CONTRIBUTION_METHODS, ContributionMethod } from '@lienthong/domain';

export const DISCLOSURE_FORMATS = ['json', 'pdf', 'xlsx'] as const;

export class DisclosureQueryDto {
  @ApiPropertyOptional({
    enum: DISCLOSURE_FORMATS,
    default: 'json',
    description: 'json: the figures; pdf: the notice for the board (A4); xlsx: the same figures as a workbook, amounts as numbers',
  })
  @IsOptional()
  @IsIn(DISCLOSURE_FORMATS)
  format?: (typeof DISCLOSURE_FORMATS)[number];
}

/*
 * The public disclosure (công khai, Nghị định 93/2021). The shape is `CampaignDisclosure` of
 * @lienthong/documents (plus ids), so the PDF and XLSX print this JSON as it is. Remittance figures
 * (`remitted`, `confirmed`) come from the remittances' ledger (`campaign_remittances`, `campaign_unit_totals`).
 */

export class DisclosureHeaderDto {
  @ApiProperty({ example: 'HỘI CCB QUẬN LONG BIÊN', description: 'The unit above the launching unit, in capitals' }) organization: string;
  @ApiProperty({ example: 'HỘI CCB PHƯỜNG NGỌC THỤY', description: 'The launching unit, in capitals' }) unit: string;
  @ApiPropertyOptional({ example: 'Ngọc Thụy', description: 'The place in the date line' }) place?: string;
}

export class DisclosureCampaignDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'VD-2026-0001' }) code: string;
  @ApiProperty({ example: 'Ủng hộ đồng bào bị bão lũ năm 2026' }) title: string;
  @ApiProperty({ example: 'Quỹ Vì người nghèo' }) fundName: string;
  @ApiProperty({ example: 'Hỗ trợ hội viên và nhân dân các tỉnh miền Trung khắc phục hậu quả bão số 3.' }) purpose: string;
  @ApiProperty({ example: 'Hội CCB phường Ngọc Thụy', description: 'The launching unit' }) launchedBy: string;
  @ApiProperty({ example: '2026-12-05' }) startDate: string;
  @ApiProperty({ example: '2026-12-31' }) endDate: string;
  @ApiProperty({ example: 50_000_000, description: 'VND' }) target: number;
  @ApiProperty({ enum: CAMPAIGN_STATUSES, example: 'open' }) status: CampaignStatus;
  @ApiProperty({ type: String, nullable: true, example: '100.000 đ/hội viên', description: 'The suggested gift, a hint only (giving is voluntary)' })
  suggestion: string | null;
  @ApiProperty({ example: true, description: 'Readable without signing in at GET /api/public/campaigns/{code}/disclosure' }) public: boolean;
}

export class ReceivingPointDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: 'Chi hội 1' }) unitName: string;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Not recorded yet' }) place: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Not recorded yet' }) contact: string | null;
}

export class DisclosureReceivingDto {
  @ApiProperty({ enum: CONTRIBUTION_METHODS, isArray: true, example: ['cash', 'transfer', 'in-kind'] }) methods: ContributionMethod[];
  @ApiProperty({ type: [ReceivingPointDto], description: 'The units that record contributions: the launching unit and every unit below it' })
  points: ReceivingPointDto[];
  @ApiProperty({ example: 'Mỗi khoản ủng hộ được ghi sổ và cấp biên nhận có số tại đơn vị tiếp nhận. Ủng hộ là tự nguyện.' }) note: string;
}

export class MethodTotalDto {
  @ApiProperty({ enum: CONTRIBUTION_METHODS, example: 'cash' }) method: ContributionMethod;
  @ApiProperty({ example: 12, description: 'Entries standing (a reversed entry and its reversal count for nothing)' }) count: number;
  @ApiProperty({ example: 6_200_000, description: 'Net VND' }) amount: number;
}

export class UnitTotalDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: 'Chi hội 1' }) unitName: string;
  @ApiProperty({ example: 'branch' }) levelCode: string;
  @ApiProperty({ example: 1, description: '0 for the launching unit; indents the name' }) depth: number;
  @ApiProperty({ example: 7, description: 'Entries standing, recorded by the unit itself' }) count: number;
  @ApiProperty({ example: 4_300_000, description: 'Net VND recorded by the unit itself (not its subtree)' }) received: number;
  @ApiProperty({ example: 4_000_000, description: 'VND the unit handed to its parent, pending or confirmed (disputed ones not counted)' })
  remitted: number;
  @ApiProperty({ example: 3_000_000, description: 'Of `remitted`, what the parent confirmed receiving' }) confirmed: number;
}

export class DisclosureTotalsDto {
  @ApiProperty({ example: 8_500_000, description: 'Net VND received in the whole campaign (reversals subtracted)' }) received: number;
  @ApiProperty({ example: 15, description: 'Entries standing in the whole campaign' }) contributions: number;
  @ApiProperty({ type: [MethodTotalDto], description: 'Every method, in a fixed order (cash, transfer, in-kind)' }) byMethod: MethodTotalDto[];
  @ApiProperty({ type: [UnitTotalDto], description: 'The launching unit and every unit below it, parents first' }) byUnit: UnitTotalDto[];
  @ApiProperty({ example: 6_000_000, description: 'VND handed to the launching unit by the units right below it, pending or confirmed' })
  remitted: number;
  @ApiProperty({ example: 4_500_000, description: 'Of `remitted`, what the launching unit confirmed receiving' }) confirmed: number;
  @ApiProperty({
    example: 8_500_000,
    description: 'What the campaign holds: received, as no spending is recorded and remittances move money between its own units',
  })
  balance: number;
}

export class DisclosureDonorDto {
  @ApiProperty({ example: 'Nguyễn Văn Hùng' }) name: string;
  @ApiProperty({ example: 'Chi hội 1' }) unitName: string;
  @ApiProperty({ example: 500_000, description: 'VND' }) amount: number;
}

export class DisclosureSignerDto {
  @ApiProperty({ example: 'T/M BAN CHẤP HÀNH' }) onBehalfOf: string;
  @ApiProperty({ example: 'CHỦ TỊCH' }) title: string;
  @ApiPropertyOptional({ example: 'Trần Văn Đức', description: 'The launching unit’s chair; absent → signed by hand' }) name?: string;
}

export class CampaignDisclosureDto {
  @ApiProperty({ type: DisclosureHeaderDto }) header: DisclosureHeaderDto;
  @ApiProperty({ type: DisclosureCampaignDto, description: 'The call' }) campaign: DisclosureCampaignDto;
  @ApiProperty({ type: DisclosureReceivingDto, description: 'How and where money is received' }) receiving: DisclosureReceivingDto;
  @ApiProperty({ format: 'date-time', description: 'When the figures were taken' }) asOf: string;
  @ApiProperty({ type: DisclosureTotalsDto }) totals: DisclosureTotalsDto;
  @ApiProperty({
    type: [DisclosureDonorDto],
    description: 'Only donors who agreed to be named (donor.publicName), in the order received, never ranked; reversed entries left out',
  })
  donors: DisclosureDonorDto[];
  @ApiProperty({ type: DisclosureSignerDto }) signer: DisclosureSignerDto;
}
