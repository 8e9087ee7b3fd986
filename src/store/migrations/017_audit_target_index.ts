/**
 * A finding's history (getFindingDetail) reads rg_audit_log by target: without an index that is a
 * scan of the whole log. target is VARCHAR(255), 1,020 bytes in utf8mb4, under the 3,072-byte key limit.
 */
export const name = '017_audit_target_index';
export const statement = 'CREATE INDEX IF NOT EXISTS idx_audit_target ON rg_audit_log (target)';
