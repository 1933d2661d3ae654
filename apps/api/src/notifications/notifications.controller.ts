import { Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { languageFrom } from '@lienthong/i18n';
import { AuthUser, CurrentUser } from '../auth/current-user.decorator';
import { uuidParam } from '../common/params';
import { ListNotificationsQueryDto, NotificationDto, NotificationListDto } from './notifications.dto';
import { NotificationsService } from './notifications.service';

/** Optional, as on every route (the messages default to Vietnamese); without this @Headers() documents it as required. */
const ApiAcceptLanguage = () =>
  ApiHeader({ name: 'accept-language', required: false, description: '`en` for English messages; Vietnamese otherwise' });

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiAcceptLanguage()
  @ApiOperation({ summary: 'The caller’s notifications, newest first (50), and how many are unread' })
  @ApiOkResponse({ type: NotificationListDto })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListNotificationsQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<NotificationListDto> {
    return this.notifications.list(user.id, languageFrom(acceptLanguage), query.unread === true);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiAcceptLanguage()
  @ApiOperation({ summary: 'Mark a notification read (again is fine: the first read time stays)' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiNotFoundResponse({ description: 'No such notification of the caller' })
  read(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<NotificationDto> {
    return this.notifications.markRead(user.id, id, languageFrom(acceptLanguage));
  }
}
