export * from './temporal.contract';
export * from './smoke.contract';
export * from './case.contract';
export * from './search-attributes.contract';
export * from './campaign.contract';
