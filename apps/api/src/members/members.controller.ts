import {
  CallHandler,
  Controller,
  ExecutionContext,
  Get,
  HttpCode,
  Injectable,
  NestInterceptor,
  Param,
  PayloadTooLargeException,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { Observable } from 'rxjs';
import { DomainError } from '@lienthong/domain';
import { AuthUser, CurrentUser } from '../auth/current-user.decorator';
import { contentDisposition } from '../campaigns/campaign-documents.controller';
import { uuidParam } from '../common/params';
import { MemberImportBodyDto, MemberImportReportDto } from './dto/member-import.dto';
import { XLSX_MIME } from './members-xlsx';
import { MembersService } from './members.service';

/** At most this many bytes per uploaded workbook (20,000 rows of the template take about 1.5 MB). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const UploadInterceptor = FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });

/**
 * Multer's upload of the one `file` field, its refusal of a file over the limit named with this route's
 * own limit (the general 413 names the 100 KB of JSON bodies).
 */
@Injectable()
class XlsxUploadInterceptor implements NestInterceptor {
  private readonly upload = new UploadInterceptor();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.upload.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) throw new DomainError('too_large', 'request.too_large', { limit: '10 MB' });
      throw error;
    }
  }
}

/** What multer hands over for one uploaded file (memory storage). */
interface UploadedXlsx {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

const errorExample = (statusCode: number, code: string, message: string) => ({
  schema: { example: { statusCode, error: STATUS_CODES[statusCode], code, message } },
});
const xlsxBody = { content: { [XLSX_MIME]: { schema: { type: 'string', format: 'binary' } } } } as const;
const forbidden = ApiForbiddenResponse({
  description: 'The caller sees the unit but is not its (or an upper unit’s) chair or officer, nor an admin',
  ...errorExample(403, 'member.manage_forbidden', 'Chỉ chủ tịch, cán bộ của Chi hội 1 (hoặc đơn vị cấp trên) và quản trị viên mới được quản lý hội viên của đơn vị này.'),
});
const notFound = ApiNotFoundResponse({
  description: 'No such unit, or not visible to the caller (another ward’s unit reads as missing)',
  ...errorExample(404, 'unit.not_found', 'Không tìm thấy đơn vị.'),
});

/** A .xlsx is a ZIP (PK\x03\x04) whose name ends in .xlsx; anything else is refused before it is parsed. */
function isXlsx(file: UploadedXlsx): boolean {
  return /\.xlsx$/i.test(file.originalname) && file.buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}

/** Multer decodes the multipart file name as latin1; browsers send UTF-8 ("Hội viên.xlsx"). */
const fileName = (file: UploadedXlsx) => Buffer.from(file.originalname, 'latin1').toString('utf8').normalize('NFC');

/** The members register (hội viên) as Excel: the template, an import with its row report, an export. */
@ApiTags('members')
@ApiBearerAuth()
@Controller()
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get('members/import-template.xlsx')
  @ApiOperation({
    summary: 'The Excel template for importing members',
    description:
      'Columns: Mã hội viên, Họ và tên, Năm sinh, Giới tính, Địa chỉ, Số điện thoại, Ngày vào hội, Đảng viên, Trạng thái, ' +
      'Ngày chuyển đi/từ trần, Đơn vị. One example row (code "VÍ DỤ", skipped on import); drop-down lists for gender, party ' +
      'membership and status; dates as dd/mm/yyyy.',
  })
  @ApiOkResponse({ description: 'The workbook (attachment)', ...xlsxBody })
  async template(): Promise<StreamableFile> {
    const body = await this.members.template();
    return new StreamableFile(body, { type: XLSX_MIME, length: body.length, disposition: contentDisposition('attachment', 'Mau-nhap-hoi-vien.xlsx') });
  }

  @Post('units/:id/members/import')
  @HttpCode(200)
  @UseInterceptors(XlsxUploadInterceptor)
  @ApiOperation({
    summary: 'Import members into a unit from an .xlsx (the template’s columns)',
    description:
      'Each row is checked (name and birth year 1900..this year required; dates dd/MM/yyyy or real Excel dates; phone 0… or +84…; ' +
      'a moved or deceased member needs the date). Good rows are kept, refused ones are reported by their row number. A row is ' +
      'the same member as one registered when its code matches (in the organization), or, without a code, its name (case and ' +
      'spaces aside) and birth year match in the same unit: it is then updated or left unchanged, never duplicated. The ' +
      '"Đơn vị" column may place a row in a unit below (its name, or the path the export writes); blank is this unit. One ' +
      'transaction; every import is audited (who, when, file, counts). For an admin, or a chair or officer of the unit or above.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: MemberImportBodyDto })
  @ApiOkResponse({ type: MemberImportReportDto })
  @ApiBadRequestResponse({
    description: 'No file, not an .xlsx, unreadable, no header row, or more than 20,000 rows',
    ...errorExample(400, 'member.import_not_xlsx', 'Tệp "danh-sach.csv" không phải tệp Excel .xlsx. Hãy dùng tệp mẫu tải từ hệ thống (tệp .xls cũ cần lưu lại thành .xlsx).'),
  })
  @ApiPayloadTooLargeResponse({ description: 'A file over 10 MB', ...errorExample(413, 'request.too_large', 'Nội dung yêu cầu quá lớn (tối đa 10 MB).') })
  @forbidden
  @notFound
  async import(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @UploadedFile() file: UploadedXlsx | undefined,
  ): Promise<MemberImportReportDto> {
    if (!file) throw new DomainError('invalid', 'member.import_file_missing');
    const name = fileName(file);
    if (!isXlsx(file)) throw new DomainError('invalid', 'member.import_not_xlsx', { name });
    return this.members.import(user.id, id, { body: file.buffer, name });
  }

  @Get('units/:id/members/export.xlsx')
  @ApiOperation({
    summary: 'The members of a unit (and of the units below it) as an .xlsx in the template’s columns',
    description: 'Importing the file back into the same unit changes nothing (every row unchanged). Not cached (personal data).',
  })
  @ApiOkResponse({ description: 'The workbook (attachment)', ...xlsxBody })
  @forbidden
  @notFound
  async export(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { body, filename } = await this.members.export(user.id, id);
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(body, { type: XLSX_MIME, length: body.length, disposition: contentDisposition('attachment', filename) });
  }
}
