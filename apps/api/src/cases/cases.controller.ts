import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
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
import { CaseCommandsService } from './case-commands.service';
import { CaseQueriesService } from './case-queries.service';
import {
  CancelDto,
  CreateCaseDto,
  DecisionDto,
  ListCasesQueryDto,
  RecordLedgerEntryDto,
  RecordMilestoneDto,
  RecordSettlementDto,
  ResubmitDto,
} from './dto/case-requests.dto';
import { CaseDetailDto, CaseListDto, InboxDto } from './dto/case-responses.dto';

const errorExample = (statusCode: number, code: string, message: string) => ({
  schema: { example: { statusCode, error: STATUS_CODES[statusCode], code, message } },
});

const caseNotFound = ApiNotFoundResponse({
  description: 'No such case, or not visible to the caller',
  ...errorExample(404, 'case.not_found', 'Không tìm thấy hồ sơ.'),
});

const ruleRefused = ApiUnprocessableEntityResponse({
  description: 'A rule refused it (missing comment, amount above the cap, …) or the Idempotency-Key was used for another request',
  ...errorExample(422, 'idempotency.key_reused', 'Idempotency-Key này đã được dùng cho một yêu cầu khác.'),
});

/** The responses every command shares (400, 403, 404, 409 closed/conflict, 422 rule, 503 Temporal down). */
const ApiCommandResponses = (notFound: MethodDecorator = caseNotFound, unprocessable: MethodDecorator = ruleRefused) =>
  applyDecorators(
    ApiBadRequestResponse({
      description: 'Invalid body, or missing Idempotency-Key',
      ...errorExample(400, 'idempotency.key_required', 'Thiếu tiêu đề Idempotency-Key (mỗi thao tác tạo hoặc quyết định cần một khóa riêng).'),
    }),
    ApiForbiddenResponse({
      description: 'Not the caller’s to do (not a decider of this step, not the initiator, …)',
      ...errorExample(403, 'case.not_decider', 'Chỉ cán bộ của Hội CCB phường Ngọc Thụy mới được quyết định ở bước này.'),
    }),
    notFound,
    ApiConflictResponse({
      description: 'The case is closed or has moved on (stale step, already decided)',
      ...errorExample(409, 'case.closed', 'Hồ sơ đã kết thúc (completed), không thể thay đổi.'),
    }),
    unprocessable,
    ApiServiceUnavailableResponse({
      description: 'Temporal is not answering; retry with the same Idempotency-Key',
      ...errorExample(503, 'temporal.unavailable', 'Máy chủ quy trình (Temporal) tạm thời không phản hồi. Vui lòng thử lại sau.'),
    }),
  );

@ApiTags('cases')
@ApiBearerAuth()
@Controller()
export class CasesController {
  constructor(
    private readonly queries: CaseQueriesService,
    private readonly commands: CaseCommandsService,
  ) {}

  @Post('cases')
  @ApiOperation({
    summary: 'Open a case (submit it to the first level of its chain)',
    description:
      'Starts the case workflow and answers once the case is in the read model. The case ID is derived from the caller and ' +
      'the Idempotency-Key: retrying returns the same case (201, same body).',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: CaseDetailDto })
  @ApiCommandResponses(
    ApiNotFoundResponse({ description: '`unitId` names no unit the caller may see', ...errorExample(404, 'unit.not_found', 'Không tìm thấy đơn vị.') }),
  )
  create(@CurrentUser() user: AuthUser, @IdempotencyKey() key: string, @Body() body: CreateCaseDto): Promise<CaseDetailDto> {
    return this.commands.create(user.id, key, body);
  }

  @Get('cases')
  @ApiOperation({ summary: 'Cases the caller may see (started at their units or below), newest first' })
  @ApiOkResponse({ type: CaseListDto })
  @ApiNotFoundResponse({ description: '`unitId` names no unit the caller may see' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListCasesQueryDto): Promise<CaseListDto> {
    return this.queries.list(user.id, query);
  }

  @Get('inbox')
  @ApiOperation({
    summary: 'Cases waiting for the caller’s decision, most urgent first (at most 100), with counts per process',
  })
  @ApiOkResponse({ type: InboxDto })
  inbox(@CurrentUser() user: AuthUser): Promise<InboxDto> {
    return this.queries.inbox(user.id);
  }

  @Get('cases/:id')
  @ApiOperation({ summary: 'One case: summary, payload, chain, execution, timeline, ledger and what the caller may do' })
  @ApiOkResponse({ type: CaseDetailDto })
  @caseNotFound
  detail(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<CaseDetailDto> {
    return this.queries.detail(user.id, id);
  }

  @Post('cases/:id/decisions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve, return (for revision) or reject at the current step' })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiCommandResponses(
    caseNotFound,
    ApiUnprocessableEntityResponse({
      description:
        'A rule refused it: a missing comment or field, an amount above the one requested or above the cap in force on the ' +
        "case's date (the step's `approveData[].cap`), … or the Idempotency-Key was used for another request",
      ...errorExample(422, 'case.amount_above_cap', 'Số tiền duyệt vượt mức hỗ trợ tối đa 30.000.000 đồng (áp dụng từ 10/11/2024).'),
    }),
  )
  decide(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @IdempotencyKey() key: string,
    @Body() body: DecisionDto,
  ): Promise<CaseDetailDto> {
    return this.commands.decide(user.id, id, key, body);
  }

  @Post('cases/:id/resubmit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resubmit a returned case with a revised payload (initiator only)' })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiCommandResponses()
  resubmit(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @IdempotencyKey() key: string,
    @Body() body: ResubmitDto,
  ): Promise<CaseDetailDto> {
    return this.commands.resubmit(user.id, id, key, body);
  }

  @Post('cases/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a case that no level has approved yet (initiator only)' })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiCommandResponses()
  cancel(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @IdempotencyKey() key: string,
    @Body() body: CancelDto,
  ): Promise<CaseDetailDto> {
    return this.commands.cancel(user.id, id, key, body);
  }

  @Post('cases/:id/milestones')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the next milestone of an approved case (its process says which close it)' })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiCommandResponses()
  milestone(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @IdempotencyKey() key: string,
    @Body() body: RecordMilestoneDto,
  ): Promise<CaseDetailDto> {
    return this.commands.recordMilestone(user.id, id, key, body);
  }

  @Post('cases/:id/disbursements')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a disbursement (money paid out) against the approved amount' })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiCommandResponses()
  disbursement(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @IdempotencyKey() key: string,
    @Body() body: RecordLedgerEntryDto,
  ): Promise<CaseDetailDto> {
    return this.commands.recordDisbursement(user.id, id, key, body);
  }

  @Post('cases/:id/repayments')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a repayment (money paid back); where the process says so, repaid in full completes the case' })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiCommandResponses()
  repayment(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @IdempotencyKey() key: string,
    @Body() body: RecordLedgerEntryDto,
  ): Promise<CaseDetailDto> {
    return this.commands.recordRepayment(user.id, id, key, body);
  }

  @Post('cases/:id/settlement')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the ledger below the approved amount, with a reason (final settlement, quyết toán)' })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiCommandResponses()
  settlement(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @IdempotencyKey() key: string,
    @Body() body: RecordSettlementDto,
  ): Promise<CaseDetailDto> {
    return this.commands.recordSettlement(user.id, id, key, body);
  }
}
