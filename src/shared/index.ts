/** The resolver contract shared by the Forge backend and the Custom UI. No platform imports here. */
export * from './contract';
export * from './envelope';
export * from './errors';
export * from './what-we-store';
