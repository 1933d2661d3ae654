import { applyDecorators, Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { AuthUser, CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { uuidParam } from '../common/params';
import { CampaignDocumentsService, DocumentFile, PDF_MIME, XLSX_MIME } from './campaign-documents.service';
import { CampaignDisclosureDto, DISCLOSURE_FORMATS, DisclosureQueryDto } from './dto/campaign-documents.dto';

const errorExample = (statusCode: number, code: string, message: string) => ({
  schema: { example: { statusCode, error: STATUS_CODES[statusCode], code, message } },
});
const binary = { schema: { type: 'string', format: 'binary' } } as const;
// Successes declare their media types one by one (JSON, PDF, XLSX); errors stay JSON (no @ApiProduces, which would relabel them).

/**
 * `Content-Disposition` with both names: an ASCII one for old clients (diacritics dropped, đ → d) and
 * the Vietnamese one as RFC 6266/5987 `filename*`.
 */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const nfc = filename.normalize('NFC');
  const ascii = nfc
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-(?=\.)|-$/g, '');
  const encoded = encodeURIComponent(nfc).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A paper as the response body: a PDF opens in the browser (to print), a workbook downloads. */
function send(file: DocumentFile): StreamableFile {
  return new StreamableFile(file.body, {
    type: file.contentType,
    length: file.body.length,
    disposition: contentDisposition(file.contentType === PDF_MIME ? 'inline' : 'attachment', file.filename),
  });
}

async function disclosureIn(service: CampaignDocumentsService, disclosure: CampaignDisclosureDto, query: DisclosureQueryDto, res: Response) {
  // The figures change with every entry: never cached, by the browser or on the way.
  res.setHeader('Cache-Control', 'no-store');
  if (!query.format || query.format === 'json') return disclosure;
  return send(await service.render(disclosure, query.format));
}

const ApiDisclosure = (summary: string, description: string) =>
  applyDecorators(
    ApiOperation({ summary, description }),
    ApiExtraModels(CampaignDisclosureDto),
    ApiQuery({ name: 'format', required: false, enum: DISCLOSURE_FORMATS }),
    ApiOkResponse({
      description:
        'The same figures in each format (one builder): JSON by default, `format=pdf` an A4 notice (inline), `format=xlsx` a workbook ' +
        '(attachment) with amounts as numbers. File names in `Content-Disposition`, ASCII and `filename*` UTF-8.',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(CampaignDisclosureDto) } },
        [PDF_MIME]: binary,
        [XLSX_MIME]: binary,
      },
    }),
    ApiBadRequestResponse({ description: 'An unknown format', ...errorExample(400, 'validation.failed', 'Dữ liệu không hợp lệ: format.') }),
    ApiNotFoundResponse({ description: 'No such campaign for the caller', ...errorExample(404, 'campaign.not_found', 'Không tìm thấy cuộc vận động.') }),
  );

/** The campaign's papers for signed-in users: a contribution's receipt and the disclosure. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignDocumentsController {
  constructor(private readonly documents: CampaignDocumentsService) {}

  @Get(':id/contributions/:contributionId/receipt.pdf')
  @ApiOperation({
    summary: 'The biên nhận (receipt) of one contribution, as a PDF',
    description:
      'Receipt number ("0007/VD-2026-0001": the unit’s gap-free number within the campaign), amount in figures and in words, unit, ' +
      'campaign, donor (or "Người ủng hộ không nêu tên"), method, date and the recording officer; Vietnamese in an embedded font, ' +
      'extractable as text. For officers and chairs of the entry’s unit or of a unit above it (as the list of entries). A reversal has ' +
      'no receipt of its own (422); the reversed entry’s receipt, printed again, says when and why it was reversed.',
  })
  @ApiOkResponse({ description: 'The PDF, inline, with a file name', content: { [PDF_MIME]: binary } })
  @ApiForbiddenResponse({
    description: 'Not an officer or chair of the unit or above',
    ...errorExample(403, 'campaign.entries_officers_only', 'Chỉ cán bộ của đơn vị (hoặc cấp trên) mới xem được danh sách đóng góp.'),
  })
  @ApiNotFoundResponse({
    description: 'No such campaign or entry for the caller (another ward’s campaign reads as missing)',
    ...errorExample(404, 'campaign.contribution_not_found', 'Không tìm thấy khoản đóng góp.'),
  })
  @ApiUnprocessableEntityResponse({
    description: 'The entry is a reversal',
    ...errorExample(
      422,
      'campaign.receipt_of_reversal',
      'Bút toán hủy không có biên nhận riêng; biên nhận của khoản gốc vẫn giữ số cũ và ghi rõ đã hủy.',
    ),
  })
  async receipt(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Param('contributionId', uuidParam('contributionId')) contributionId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.documents.receipt(user.id, id, contributionId);
    // A donor's name and gift: kept by no shared cache, nor in the browser's.
    res.setHeader('Cache-Control', 'private, no-store');
    return send(file);
  }

  @Get(':id/disclosure')
  @ApiDisclosure(
    'The public disclosure (công khai, NĐ 93/2021) of a campaign the caller may see',
    'The call (title, fund, purpose, period, launching unit), how and where money is received, totals received per unit and by ' +
      'method, the balance, and only the donors who agreed to be named. Remitted/confirmed figures are not part of it yet.',
  )
  async disclosure(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Query() query: DisclosureQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CampaignDisclosureDto | StreamableFile> {
    return disclosureIn(this.documents, await this.documents.disclosure(user.id, id), query, res);
  }
}

/** What anyone may read without signing in: the disclosure of a campaign its launching unit made public. */
@ApiTags('public')
@Controller('public/campaigns')
export class PublicCampaignsController {
  constructor(private readonly documents: CampaignDocumentsService) {}

  @Get(':code/disclosure')
  @Public()
  @ApiParam({ name: 'code', example: 'VD-2026-0001', description: 'The campaign’s code' })
  @ApiDisclosure(
    'The disclosure of a public campaign, without signing in',
    'The same document as GET /api/campaigns/{id}/disclosure, for a campaign created with `public: true` and launched. A campaign ' +
      'that is not public, or still a draft, is 404 as if it did not exist. The web app shows it at /cong-khai/{code}.',
  )
  async disclosure(
    @Param('code') code: string,
    @Query() query: DisclosureQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CampaignDisclosureDto | StreamableFile> {
    return disclosureIn(this.documents, await this.documents.publicDisclosure(code), query, res);
  }
}
