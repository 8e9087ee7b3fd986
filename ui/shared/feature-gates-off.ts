/**
 * Build-time stand-in for Atlaskit's internal feature-gate client (Statsig, ~30 KB gzipped), which
 * scripts/build-ui.mjs substitutes for `@atlaskit/feature-gate-js-client/feature-gates`. In an app's
 * iframe the real client is never initialised, so every gate answers its default anyway; this
 * answers the same without shipping the client.
 */
const FeatureGatesOff = {
  initializeCompleted: (): boolean => false,
  checkGate: (_gate: string): boolean => false,
  getExperimentValue: <T>(_experiment: string, _parameter: string, defaultValue: T): T => defaultValue,
};

export default FeatureGatesOff;
