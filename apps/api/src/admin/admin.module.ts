import { Module } from '@nestjs/common';
import { UnitsModule } from '../units/units.module';
import { AdminAuditController } from './admin-audit.controller';

/** Admin-only operator routes (the audit trail's tamper check). */
@Module({
  imports: [UnitsModule],
  controllers: [AdminAuditController],
})
export class AdminModule {}
