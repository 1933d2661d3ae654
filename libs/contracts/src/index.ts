export * from './temporal.contract';
export * from './smoke.contract';
