import { Global, Inject, Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lienthong/config';
import { CalendarDaysService } from './calendar/calendar-days.service';
import { AuditChainService } from './cases/audit-chain.service';
import { CampaignLifecycleService } from './campaigns/campaign-lifecycle.service';
import { CaseProjectionService } from './cases/case-projection.service';
import { ProjectionChecksService } from './cases/projection-checks.service';
import { dataSourceOptions } from './data-source';
import { runMigrationsLocked } from './migrate';
import { seedDemo } from './seed/demo.seed';
import { SmokePingService } from './smoke-ping.service';

/** Runs migrations (and the demo seed, when asked) before the app takes traffic. */
@Injectable()
class DatabaseBootstrap implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.DB_MIGRATE_ON_BOOT) return;
    const applied = await runMigrationsLocked(this.dataSource, async (ds) => {
      if (this.config.SEED_DEMO) {
        const seeded = await seedDemo(ds);
        if (seeded) this.logger.log('Demo data seeded (Hội Cựu chiến binh quận Long Biên)');
      }
    });
    if (applied.length > 0) this.logger.log(`Migrations applied: ${applied.join(', ')}`);
  }
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.DATABASE_URL),
        // Fail fast at boot instead of TypeORM's silent 9×3 s retry loop; the process manager restarts us.
        retryAttempts: 0,
      }),
    }),
  ],
  providers: [
    DatabaseBootstrap,
    SmokePingService,
    CaseProjectionService,
    ProjectionChecksService,
    CalendarDaysService,
    CampaignLifecycleService,
    AuditChainService,
  ],
  exports: [SmokePingService, CaseProjectionService, ProjectionChecksService, CalendarDaysService, CampaignLifecycleService, AuditChainService],
})
export class PersistenceModule {}
