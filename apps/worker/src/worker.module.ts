import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { PROCESS_DEFINITIONS, validateDefinitions } from '@lienthong/domain';
import { ACTIVITY_CLASSES } from '../../../activities';
import { AppConfig, ConfigModule, LoggingModule } from '@lienthong/config';
import { PersistenceModule } from '@lienthong/persistence';
import { TemporalClientModule } from '@lienthong/temporal';
import { ProjectionReconciler } from './projection-reconciler.service';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({})
export class WorkerModule implements OnModuleInit {
  /** The projection reads definitions too (search fields, amounts): refuse to start on a malformed one. */
  onModuleInit(): void {
    validateDefinitions(PROCESS_DEFINITIONS);
  }

  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), LoggingModule.forRoot('worker'), PersistenceModule, TemporalClientModule],
      providers: [...ACTIVITY_CLASSES, TemporalWorkerService, ProjectionReconciler],
    };
  }
}
