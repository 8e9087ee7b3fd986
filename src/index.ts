/**
 * Forge entry points: exactly the handlers manifest.yml names (test/forge/manifest.test.ts checks
 * both directions). Each lives in src/forge/entry and only wires services together.
 */
export { bylineProperties } from './forge/entry/byline-properties';
export { installed, upgraded } from './forge/entry/installed';
export { digestOptOut } from './forge/entry/opt-out';
export { pageChanged } from './forge/entry/page-changed';
export { resolver } from './forge/entry/resolver';
export { scanWorker } from './forge/entry/scan-worker';
export { dailyScan, weeklyDigest } from './forge/entry/scheduled';
