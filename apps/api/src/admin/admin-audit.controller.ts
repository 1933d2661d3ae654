import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { DomainError } from '@lienthong/domain';
import { AuditChainService } from '@lienthong/persistence';
import { AuthUser, CurrentUser } from '../auth/current-user.decorator';
import { AccessService } from '../units/access.service';
import { AuditVerificationDto } from './dto/audit.dto';

const errorExample = (statusCode: number, code: string, message: string) => ({
  schema: { example: { statusCode, error: STATUS_CODES[statusCode], code, message } },
});

/** Operators' checks on the records themselves; admins only. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/audit')
export class AdminAuditController {
  constructor(
    private readonly chains: AuditChainService,
    private readonly access: AccessService,
  ) {}

  @Get('verify')
  @ApiOperation({
    summary: "Admins: recompute the hash chain of every case's audit trail in the caller's organizations",
    description:
      'Each case event carries a SHA-256 chained to the previous event of its case. This recomputes every chain and names, ' +
      'per case, the first event where it breaks (an edited, replaced or deleted row). Read-only; `npm run audit:verify` ' +
      'does the same for the whole database.',
  })
  @ApiOkResponse({ type: AuditVerificationDto })
  @ApiUnauthorizedResponse({ description: 'Not signed in' })
  @ApiForbiddenResponse({
    description: 'The caller is not an admin',
    ...errorExample(403, 'admin.only', 'Chỉ quản trị viên mới được thực hiện thao tác này.'),
  })
  async verify(@CurrentUser() user: AuthUser): Promise<AuditVerificationDto> {
    // Roles are read from the database on each request, as everywhere: a revoked admin stops at once.
    const memberships = await this.access.memberships(user.id);
    const organizations = [...new Set(memberships.filter((m) => m.role === 'admin').map((m) => m.unit.organizationId))];
    if (organizations.length === 0) throw new DomainError('forbidden', 'admin.only');
    return this.chains.verify(organizations);
  }
}
