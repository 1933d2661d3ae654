import { DynamicModule, Module } from '@nestjs/common';
import type { ProcessRegistry } from '@lienthong/domain';
import { ACTIVITY_CLASSES } from '../../../activities';
import { AppConfig, ConfigModule, LoggingModule } from '@lienthong/config';
import { PersistenceModule } from '@lienthong/persistence';
import { TemporalClientModule } from '@lienthong/temporal';
import { ProjectionReconciler } from './projection-reconciler.service';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig, processes?: ProcessRegistry): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config, processes), LoggingModule.forRoot('worker'), PersistenceModule, TemporalClientModule],
      providers: [...ACTIVITY_CLASSES, TemporalWorkerService, ProjectionReconciler],
    };
  }
}
