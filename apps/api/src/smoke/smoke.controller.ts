import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@lienthong/config';
import { SMOKE_WORKFLOW_TYPE, SmokeResult, smokeWorkflowId } from '@lienthong/contracts';
import { DomainError } from '@lienthong/domain';
import { SmokePingService } from '@lienthong/persistence';
import { TemporalClient } from '@lienthong/temporal';
import type { smokeWorkflow } from '../../../../workflows';
import { AuthUser, CurrentUser } from '../auth/current-user.decorator';
import { AccessService } from '../units/access.service';

class SmokeDto {
  @ApiProperty({ required: false, example: 'Kiểm tra hệ thống' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  message?: string;
}

/**
 * Proves API → Temporal → worker → PostgreSQL in one request; used by tests and by operators after a
 * deploy. Admins only: each run starts a workflow, which no officer needs to do (issue 15).
 */
@ApiTags('smoke')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'smoke.admin_only: the caller is not an admin' })
@Controller('smoke')
export class SmokeController {
  constructor(
    private readonly client: TemporalClient,
    private readonly pings: SmokePingService,
    private readonly access: AccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Roles are read from the database on each request, as everywhere: a revoked admin stops at once. */
  private async requireAdmin(userId: string): Promise<void> {
    const memberships = await this.access.memberships(userId);
    if (!memberships.some((m) => m.role === 'admin')) throw new DomainError('forbidden', 'smoke.admin_only');
  }

  @Post()
  @ApiOperation({ summary: 'Run the smoke workflow and wait for the row it writes' })
  async run(@CurrentUser() user: AuthUser, @Body() body: SmokeDto): Promise<SmokeResult> {
    await this.requireAdmin(user.id);
    const pingId = randomUUID();
    try {
      return await this.client.workflow.execute<typeof smokeWorkflow>(SMOKE_WORKFLOW_TYPE, {
        workflowId: smokeWorkflowId(pingId),
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [{ pingId, message: body.message ?? 'ping', requestedBy: user.id }],
        workflowExecutionTimeout: '1 minute',
      });
    } catch (err) {
      if ((err as { name?: string }).name === 'ServiceError') throw new DomainError('unavailable', 'temporal.unavailable');
      throw err;
    }
  }

  @Get(':id')
  @ApiOperation({ summary: 'The row a smoke run wrote' })
  async get(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string) {
    await this.requireAdmin(user.id);
    const ping = await this.pings.find(id);
    if (!ping) throw new DomainError('not_found', 'smoke.not_found');
    return ping;
  }
}
