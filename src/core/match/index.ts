/** Matching extracted references against an inventory snapshot. Pure: no I/O, no platform SDKs. */
export { matchReference } from './classify';
export { describeGap, describeGaps } from './coverage';
export { fingerprintOf } from './fingerprint';
export { InventoryIndex, indexSnapshot } from './inventory-index';
export { isFindingKind, scanPages } from './report';
export { restrictToRegions } from './restrict';
export { severityOf } from './tables';
export * from './types';
