import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export class ListNotificationsQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Only notifications not yet read' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'decision_needed', description: 'Stable; the message is rendered from it' }) kind: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The case it is about, if any' }) caseId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The fund campaign it is about, if any' })
  campaignId: string | null;
  @ApiProperty({
    example: 'Hồ sơ "Hỗ trợ sửa nhà cho hội viên Nguyễn Văn Hùng" đang chờ bạn quyết định.',
    description: 'In the caller’s language (Accept-Language; Vietnamese by default)',
  })
  message: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { title: 'Hỗ trợ sửa nhà cho hội viên Nguyễn Văn Hùng' } })
  params: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
}

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto], description: 'Newest first, at most 50' }) items: NotificationDto[];
  @ApiProperty({ example: 3, description: 'All unread notifications of the caller' }) unread: number;
}
