import { ApiProperty } from '@nestjs/swagger';

export class ImportRowErrorDto {
  @ApiProperty({ example: 7, description: 'The row number as the spreadsheet shows it (the header is row 1)' })
  row: number;

  @ApiProperty({ example: 'Năm sinh "1890" không hợp lệ (phải từ 1900 đến 2026).', description: 'Why the row was not taken, in Vietnamese' })
  message: string;
}

/** What one import did: the rows taken (created, updated, unchanged) and those refused, each by number. */
export class MemberImportReportDto {
  @ApiProperty({ example: 120, description: 'Data rows read (blank rows and the template’s example row aside)' })
  rows: number;

  @ApiProperty({ example: 95, description: 'New members registered' })
  created: number;

  @ApiProperty({ example: 12, description: 'Members found (by code, or by name + birth year in the unit) whose data changed' })
  updated: number;

  @ApiProperty({ example: 12, description: 'Members found whose data is already as in the file' })
  unchanged: number;

  @ApiProperty({
    type: [ImportRowErrorDto],
    description: 'Rows refused, by row number; the other rows are kept',
    example: [{ row: 7, message: 'Thiếu họ và tên.' }],
  })
  errors: ImportRowErrorDto[];
}

export class MemberImportBodyDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'An .xlsx workbook in the template’s columns (at most 10 MB, 20,000 rows)' })
  file: unknown;
}
