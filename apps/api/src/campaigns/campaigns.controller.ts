import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { AuthUser, CurrentUser } from '../auth/current-user.decorator';
import { ApiIdempotencyKey, IdempotencyKey } from '../common/idempotency';
import { uuidParam } from '../common/params';
import { CampaignCommandsService } from './campaign-commands.service';
import { CampaignQueriesService } from './campaign-queries.service';
import {
  CancelCampaignDto,
  CreateCampaignDto,
  ListCampaignsQueryDto,
  ListContributionsQueryDto,
  RecordContributionDto,
  RecordRemittanceDto,
  RequestExtensionDto,
  ReverseContributionDto,
  SetQuotaDto,
} from './dto/campaign-requests.dto';
import {
  CampaignDetailDto,
  CampaignListDto,
  CampaignStatusDto,
  ContributionDto,
  ContributionListDto,
  ExtensionCreatedDto,
  ProgressNodeDto,
  QuotaDto,
  RemittanceCreatedDto,
} from './dto/campaign-responses.dto';

const errorExample = (statusCode: number, code: string, message: string) => ({
  schema: { example: { statusCode, error: STATUS_CODES[statusCode], code, message } },
});

const campaignNotFound = ApiNotFoundResponse({
  description: 'No such campaign, or not visible to the caller (another ward’s campaign reads as missing)',
  ...errorExample(404, 'campaign.not_found', 'Không tìm thấy cuộc vận động.'),
});

/** What every campaign write may answer besides its success. */
const ApiWriteResponses = (forbidden: { code: string; message: string }, unprocessable: { code: string; message: string }) =>
  applyDecorators(
    ApiBadRequestResponse({
      description: 'Invalid body, or a POST without Idempotency-Key',
      ...errorExample(400, 'validation.failed', 'Dữ liệu không hợp lệ: amount.'),
    }),
    ApiForbiddenResponse({ description: 'Not the caller’s to do', ...errorExample(403, forbidden.code, forbidden.message) }),
    campaignNotFound,
    ApiConflictResponse({
      description: 'The campaign is closed (past its end date, closed or cancelled) or not yet launched',
      ...errorExample(409, 'campaign.closed', 'Cuộc vận động đã kết thúc (hạn cuối 31/12/2026), không nhận thêm.'),
    }),
    ApiUnprocessableEntityResponse({
      description: 'A rule refused it, or the Idempotency-Key was used for another request',
      ...errorExample(422, unprocessable.code, unprocessable.message),
    }),
  );

const temporalDown = ApiServiceUnavailableResponse({
  description: 'Temporal is not answering; retry with the same Idempotency-Key',
  ...errorExample(503, 'temporal.unavailable', 'Máy chủ quy trình (Temporal) tạm thời không phản hồi. Vui lòng thử lại sau.'),
});

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly queries: CampaignQueriesService,
    private readonly commands: CampaignCommandsService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create a fund campaign (vận động quỹ) at a unit, in draft',
    description:
      'By an officer or the chair of `unitId` (any level). Starts the campaign’s workflow (`campaign-<id>`), which closes it at the end ' +
      'of `endDate` in Vietnam. The ID derives from the caller and the Idempotency-Key: retrying returns the same campaign.',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: CampaignDetailDto })
  @ApiWriteResponses(
    { code: 'campaign.not_unit_officer', message: 'Chỉ cán bộ hoặc Chủ tịch của đơn vị mới được làm việc này.' },
    { code: 'campaign.start_in_past', message: 'Ngày bắt đầu không được trước hôm nay (02/12/2026).' },
  )
  @temporalDown
  create(@CurrentUser() user: AuthUser, @IdempotencyKey() key: string, @Body() body: CreateCampaignDto): Promise<CampaignDetailDto> {
    return this.commands.create(user.id, key, body);
  }

  @Get()
  @ApiOperation({
    summary: 'Campaigns the caller may see, newest first',
    description: 'Launched at or below the caller’s units, or (once launched) at a unit above them.',
  })
  @ApiOkResponse({ type: CampaignListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListCampaignsQueryDto): Promise<CampaignListDto> {
    return this.queries.list(user.id, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One campaign: status, dates, target, totals, days left, timeline and what the caller may do' })
  @ApiOkResponse({ type: CampaignDetailDto })
  @campaignNotFound
  detail(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<CampaignDetailDto> {
    return this.queries.detail(user.id, id);
  }

  @Get(':id/progress')
  @ApiOperation({
    summary: 'Progress as a tree of units from the launching unit down',
    description:
      '`collected` is the net sum of each unit’s subtree (so every level adds up exactly), `percent` = collected ÷ quota (null ' +
      'without one), `onPace` compares it with the share of the campaign’s time passed. The root’s quota is the target. `remitted` ' +
      'and `confirmed` are the unit’s own remittances to its parent (pending or confirmed, and confirmed).',
  })
  @ApiOkResponse({ type: ProgressNodeDto })
  @campaignNotFound
  progress(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<ProgressNodeDto> {
    return this.queries.progress(user.id, id);
  }

  @Put(':id/quotas/:unitId')
  @ApiOperation({
    summary: 'Set or change a unit’s quota (chỉ tiêu)',
    description:
      'By an officer or the chair of the unit’s parent, for a unit below the launching unit, until the campaign closes. Each change is ' +
      'an event in the timeline; the same amount again changes nothing.',
  })
  @ApiOkResponse({ type: QuotaDto })
  @ApiWriteResponses(
    { code: 'campaign.not_parent_officer', message: 'Chỉ cán bộ hoặc Chủ tịch của đơn vị cấp trên trực tiếp mới được giao chỉ tiêu cho đơn vị này.' },
    { code: 'campaign.quota_root', message: 'Chỉ tiêu của đơn vị phát động chính là mục tiêu của cuộc vận động.' },
  )
  setQuota(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Param('unitId', uuidParam('unitId')) unitId: string,
    @Body() body: SetQuotaDto,
  ): Promise<QuotaDto> {
    return this.commands.setQuota(user.id, id, unitId, body);
  }

  @Post(':id/launch')
  @HttpCode(200)
  @ApiOperation({ summary: 'Launch a draft campaign (the launching unit only); every unit below is notified' })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: CampaignStatusDto })
  @ApiWriteResponses(
    { code: 'campaign.not_launching_unit', message: 'Chỉ cán bộ hoặc Chủ tịch của đơn vị phát động mới được làm việc này.' },
    { code: 'idempotency.key_reused', message: 'Idempotency-Key này đã được dùng cho một yêu cầu khác.' },
  )
  @temporalDown
  launch(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @IdempotencyKey() key: string): Promise<CampaignStatusDto> {
    return this.commands.launch(user.id, id, key);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a draft or open campaign, with a reason (the launching unit only); its entries stay' })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: CampaignStatusDto })
  @ApiWriteResponses(
    { code: 'campaign.not_launching_unit', message: 'Chỉ cán bộ hoặc Chủ tịch của đơn vị phát động mới được làm việc này.' },
    { code: 'idempotency.key_reused', message: 'Idempotency-Key này đã được dùng cho một yêu cầu khác.' },
  )
  @temporalDown
  cancel(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @IdempotencyKey() key: string,
    @Body() body: CancelCampaignDto,
  ): Promise<CampaignStatusDto> {
    return this.commands.cancel(user.id, id, key, body);
  }

  @Post(':id/contributions')
  @ApiOperation({
    summary: 'Record a contribution received by a unit',
    description:
      'By an officer or the chair of `unitId`, while the campaign is open and not past the end of its end date (or, for a unit ' +
      'holding an approved extension, until the end of its day); `date` within the ' +
      'campaign and not in the future. `receiptNo` is unique and gap-free per unit per campaign. Retrying with the same key returns the ' +
      'same entry; money is never counted twice.',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: ContributionDto })
  @ApiWriteResponses(
    { code: 'campaign.not_unit_officer', message: 'Chỉ cán bộ hoặc Chủ tịch của đơn vị mới được làm việc này.' },
    { code: 'campaign.contribution_date_future', message: 'Ngày đóng góp không được sau hôm nay (02/12/2026).' },
  )
  contribute(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @IdempotencyKey() key: string,
    @Body() body: RecordContributionDto,
  ): Promise<ContributionDto> {
    return this.commands.contribute(user.id, id, key, body);
  }

  @Post(':id/contributions/:contributionId/reversal')
  @ApiOperation({
    summary: 'Reverse an entry: a new entry of the opposite amount; the original stays',
    description: 'By an officer or the chair of the entry’s unit, once per entry, while the campaign takes entries.',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: ContributionDto })
  @ApiWriteResponses(
    { code: 'campaign.not_unit_officer', message: 'Chỉ cán bộ hoặc Chủ tịch của đơn vị mới được làm việc này.' },
    { code: 'campaign.reversal_of_reversal', message: 'Không thể hủy một bút toán hủy.' },
  )
  reverse(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Param('contributionId', uuidParam('contributionId')) contributionId: string,
    @IdempotencyKey() key: string,
    @Body() body: ReverseContributionDto,
  ): Promise<ContributionDto> {
    return this.commands.reverse(user.id, id, contributionId, key, body);
  }

  @Post(':id/remittances')
  @ApiOperation({
    summary: 'A unit hands collected money to its parent (nộp tiền lên cấp trên)',
    description:
      'By an officer or the chair of `unitId` (below the launching unit), once the campaign is launched, also after it closed. `amount` ' +
      '≤ what the unit holds: its own net contributions + the confirmed remittances of its children − what it already remitted ' +
      '(pending included), else 422 `campaign.remittance_exceeds_holdings`. Opens a one-step case in the parent’s inbox: ' +
      '`POST /api/cases/:caseId/decisions` with `approve` confirms it, `reject` with a comment disputes it (the amount is the ' +
      'unit’s again). Retrying with the same key returns the same remittance; concurrent requests never hand over more than is held.',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: RemittanceCreatedDto })
  @ApiWriteResponses(
    { code: 'campaign.not_unit_officer', message: 'Chỉ cán bộ hoặc Chủ tịch của đơn vị mới được làm việc này.' },
    { code: 'campaign.remittance_exceeds_holdings', message: 'Số tiền nộp (2.000.000 đồng) vượt quá số tiền đơn vị đang giữ (1.500.000 đồng).' },
  )
  @temporalDown
  remit(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @IdempotencyKey() key: string,
    @Body() body: RecordRemittanceDto,
  ): Promise<RemittanceCreatedDto> {
    return this.commands.remit(user.id, id, key, body);
  }

  @Post(':id/extensions')
  @ApiOperation({
    summary: 'A unit asks its parent for more time to record contributions',
    description:
      'By an officer or the chair of `unitId` (below the launching unit); `until` after the end date and not before today. Opens a ' +
      'one-step case in the parent’s inbox (`approve` grants it, `reject` with a comment refuses it). Approved, the unit alone records ' +
      'contributions until the end of `until`, even after the campaign closed. One pending request per unit (409 `campaign.extension_pending`).',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: ExtensionCreatedDto })
  @ApiWriteResponses(
    { code: 'campaign.not_unit_officer', message: 'Chỉ cán bộ hoặc Chủ tịch của đơn vị mới được làm việc này.' },
    { code: 'campaign.extension_not_later', message: 'Ngày gia hạn phải sau ngày kết thúc cuộc vận động (31/12/2026).' },
  )
  @temporalDown
  requestExtension(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @IdempotencyKey() key: string,
    @Body() body: RequestExtensionDto,
  ): Promise<ExtensionCreatedDto> {
    return this.commands.requestExtension(user.id, id, key, body);
  }

  @Get(':id/contributions')
  @ApiOperation({
    summary: 'A unit’s entries (its whole subtree for a parent), newest first, paged',
    description: 'For officers and chairs of the unit or of a unit above it: donors’ names are theirs to see, never ranked.',
  })
  @ApiOkResponse({ type: ContributionListDto })
  @ApiForbiddenResponse({
    description: 'Not an officer or chair of the unit or above',
    ...errorExample(403, 'campaign.entries_officers_only', 'Chỉ cán bộ của đơn vị (hoặc cấp trên) mới xem được danh sách đóng góp.'),
  })
  @campaignNotFound
  contributions(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Query() query: ListContributionsQueryDto,
  ): Promise<ContributionListDto> {
    return this.queries.contributions(user.id, id, query);
  }
}
