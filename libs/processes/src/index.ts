export * from './registry';
export * from './housing-support';
