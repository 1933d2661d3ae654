import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { AppConfig, ConfigModule, LoggingModule } from '@lienthong/config';
import type { ProcessRegistry } from '@lienthong/domain';
import { PersistenceModule } from '@lienthong/persistence';
import { TemporalClientModule } from '@lienthong/temporal';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { CasesModule } from './cases/cases.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { NfcInterceptor } from './common/nfc.interceptor';
import { HealthModule } from './health/health.module';
import { MembersModule } from './members/members.module';
import { NotificationsModule } from './notifications/notifications.module';
import { SmokeModule } from './smoke/smoke.module';
import { UnitsModule } from './units/units.module';

@Module({})
export class AppModule {
  static forRoot(config?: AppConfig, processes?: ProcessRegistry): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, processes),
        LoggingModule.forRoot('api'),
        PersistenceModule,
        TemporalClientModule,
        AuthModule,
        UnitsModule,
        MembersModule,
        CasesModule,
        CampaignsModule,
        NotificationsModule,
        CalendarModule,
        HealthModule,
        SmokeModule,
        AdminModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: NfcInterceptor },
      ],
    };
  }
}
