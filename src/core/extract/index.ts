export { extractPage, extractPages } from './extract-page';
export { redactSecrets } from './redact';
export { RULES } from './rules';
export * from './types';
