export * from './registry';
export * from './housing-support';
export * from './support-visit';
export * from './interest-free-loan';
export * from './campaign-remittance';
export * from './campaign-extension';
