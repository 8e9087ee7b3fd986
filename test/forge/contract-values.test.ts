import { REFERENCE_TYPES } from '../../src/core/extract/types';
import { RESOURCE_KINDS, SERVICES } from '../../src/core/inventory/snapshot';
import { FINDING_KINDS, SEVERITIES } from '../../src/core/match/types';
import {
  FINDING_KIND_VALUES,
  REFERENCE_TYPE_VALUES,
  RESOURCE_KIND_VALUES,
  SERVICE_VALUES,
  SEVERITY_VALUES,
} from '../../src/shared';

/**
 * src/shared copies these value sets so the Custom UI bundles no core code; a value added to the
 * core and not to the contract would be refused as INVALID_PAYLOAD (or missing from a filter).
 */
test('the contract value sets equal the core ones', () => {
  expect([...REFERENCE_TYPE_VALUES]).toEqual([...REFERENCE_TYPES]);
  expect([...RESOURCE_KIND_VALUES]).toEqual([...RESOURCE_KINDS]);
  expect([...SERVICE_VALUES]).toEqual([...SERVICES]);
  expect([...FINDING_KIND_VALUES]).toEqual([...FINDING_KINDS]);
  expect([...SEVERITY_VALUES]).toEqual([...SEVERITIES]);
});
