import { DynamicModule, Module } from '@nestjs/common';
import { ACTIVITY_CLASSES } from '../../../activities';
import { AppConfig, ConfigModule, LoggingModule } from '../../../libs/config/src';
import { PersistenceModule } from '../../../libs/persistence/src';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), LoggingModule.forRoot('worker'), PersistenceModule],
      providers: [...ACTIVITY_CLASSES, TemporalWorkerService],
    };
  }
}
