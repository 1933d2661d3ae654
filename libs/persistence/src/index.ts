export * from './entities';
export * from './data-source';
export * from './migrate';
export * from './persistence.module';
export * from './smoke-ping.service';
export * from './cases/case-projection.service';
export * from './cases/projection-checks.service';
export * from './seed/demo.seed';
