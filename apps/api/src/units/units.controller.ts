import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UnitSummaryDto } from '../auth/dto/me.dto';
import { AuthUser, CurrentUser } from '../auth/current-user.decorator';
import { uuidParam } from '../common/params';
import { MemberListDto } from './member.dto';
import { UnitDetail, UnitsService } from './units.service';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOperation({ summary: 'The organization tree the caller may see: their units and everything below them' })
  @ApiOkResponse({ schema: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/UnitSummaryDto' } } } } })
  async list(@CurrentUser() user: AuthUser): Promise<{ items: UnitSummaryDto[] }> {
    return { items: await this.units.visible(user.id) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One unit with its ancestors (breadcrumbs) and children' })
  @ApiNotFoundResponse({ description: 'No such unit, or not visible to the caller' })
  detail(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<UnitDetail> {
    return this.units.detail(user.id, id);
  }

  @Get(':id/members')
  @ApiOperation({ summary: 'The members registered at one unit (a branch), for picking the person a case is for' })
  @ApiOkResponse({ type: MemberListDto })
  @ApiNotFoundResponse({ description: 'No such unit, or not visible to the caller' })
  async members(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<MemberListDto> {
    return { items: await this.units.members(user.id, id) };
  }
}
