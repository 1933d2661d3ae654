export * from './roles';
export * from './unit-tree';
export * from './domain-error';
