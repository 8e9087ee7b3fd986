import { isSiteAdmin } from '../../confluence/permissions';
import { LATEST_MIGRATION } from '../../store/migrations';
import { SCHEMA_MARKER_KEY } from '../schema';
import { listAuditLog } from './audit';
import { testConnection } from './connection';
import { getDigestSettings, previewDigest, saveDigestSettings, sendTestDigest } from './digest';
import { getDashboardSummary, listSpaces } from './dashboard';
import { getFindingDetail } from './finding-detail';
import type { ResolverImpls } from './dispatch';
import { acknowledgeFinding, getPageFindings, listFindings, suppressFinding } from './findings';
import { listInventory, listUncoveredResources } from './inventory';
import { getPageBadge, getPageReport, recheckPage } from './page-report';
import { getScanProgress, startScan } from './scan';
import { getScope, getSpaceScope, previewScope, saveSiteScope, saveSpaceScope } from './scope';
import { searchPages, searchSpaces } from './scope-pickers';
import { getSettings, saveSettings } from './settings';
import { getSetupInfo } from './setup';
import { getSpaceCoverage, listSpaceFindings } from './space-page';
import { getMySubscriptions, saveMySubscription } from './subscriptions';

/** The resolver implementations, one small function each; permission checks are made as the caller. */
export const resolverImpls: ResolverImpls = {
  async getStatus(_payload, caller, deps) {
    const admin = caller.accountId === null ? false : await isSiteAdmin(deps.confluence.asUser());
    const marker = await deps.kv.get(SCHEMA_MARKER_KEY);
    return {
      isSiteAdmin: admin,
      schemaVersion: typeof marker === 'string' ? marker : null,
      schemaCurrent: marker === LATEST_MIGRATION,
    };
  },
  getSettings,
  saveSettings,
  getSetupInfo,
  testConnection,
  getDigestSettings,
  saveDigestSettings,
  previewDigest,
  sendTestDigest,
  startScan,
  getScanProgress,
  listFindings,
  getPageFindings,
  acknowledgeFinding,
  suppressFinding,
  listAuditLog,
  getDashboardSummary,
  getFindingDetail,
  getPageReport,
  getPageBadge,
  recheckPage,
  listUncoveredResources,
  listInventory,
  listSpaces,
  getScope,
  saveSiteScope,
  previewScope,
  getSpaceScope,
  saveSpaceScope,
  searchSpaces,
  searchPages,
  listSpaceFindings,
  getSpaceCoverage,
  getMySubscriptions,
  saveMySubscription,
};
