/**
 * AWS region codes. A region is recognised by shape (geo-direction-number) rather than a fixed
 * list, so new regions work without a release.
 */
const GEO = '(?:us|eu|ap|ca|sa|me|af|il|cn|mx)';
const DIRECTION = '(?:north|south|east|west|central|northeast|northwest|southeast|southwest)';

/** Source of a regex matching one region code, e.g. eu-west-1, us-gov-west-1, cn-north-1. */
export const REGION_SOURCE = `${GEO}(?:-gov|-iso[a-z]?)?-${DIRECTION}-\\d{1,2}`;

const REGION_EXACT = new RegExp(`^${REGION_SOURCE}$`);

export function isRegionCode(value: string): boolean {
  return REGION_EXACT.test(value);
}

const SHORT_DIRECTIONS: Record<string, string> = {
  n: 'north',
  s: 'south',
  e: 'east',
  w: 'west',
  c: 'central',
  ne: 'northeast',
  nw: 'northwest',
  se: 'southeast',
  sw: 'southwest',
};
const SHORT_REGION = /^(us|eu|ap|ca|sa|me|af|il|cn|mx)(gov)?(ne|nw|se|sw|n|s|e|w|c)(\d{1,2})$/;

/**
 * ElastiCache node endpoints abbreviate regions (euw1 = eu-west-1, apse2 = ap-southeast-2,
 * usgw1 = us-gov-west-1). Returns the long code, the input when it already is one, or null.
 */
export function expandRegionCode(code: string): string | null {
  if (isRegionCode(code)) return code;
  const m = SHORT_REGION.exec(code);
  if (!m) return null;
  const [, geo, gov, dir, num] = m;
  const direction = SHORT_DIRECTIONS[dir ?? ''];
  if (!geo || !direction || !num) return null;
  return `${geo}${gov ? '-gov' : ''}-${direction}-${num}`;
}
