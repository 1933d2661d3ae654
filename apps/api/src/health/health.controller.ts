import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { TemporalHealthIndicator } from './temporal.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly temporal: TemporalHealthIndicator,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'PostgreSQL and Temporal reachability; 503 when either is down' })
  check() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 2_000 }),
      () => this.temporal.check('temporal'),
    ]);
  }
}
