import type { DigestPage, DigestResource, DigestState } from '../../core/digest';
import type { CoverageSummary, Finding, ReferenceStatus } from '../../core/match/types';
import type { Weekday } from '../../shared/contract-settings';
import type { AuditEntry } from '../../store/repos/audit';

/** The admin's digest settings (set on the settings page; validated when written and read). */
export interface DigestSettings {
  recipients: string[];
  /** The UTC weekday the digest goes out on (the trigger runs daily and sends only then). */
  weekday: Weekday;
  sendWhenQuiet: boolean;
}

/** What the digest is built from: the latest scan's results, as the store holds them. */
export interface DigestSource {
  findings: Finding[];
  pages: DigestPage[];
  coverage: CoverageSummary;
  resources: DigestResource[];
  references: { value: string; status: ReferenceStatus }[];
}

export interface DigestStateStore {
  load(): Promise<DigestState | null>;
  save(state: DigestState): Promise<void>;
}

/** Addresses that used their opt-out link; kept per install, never e-mailed again. */
export interface OptOutStore {
  list(): Promise<ReadonlySet<string>>;
  add(email: string): Promise<void>;
}

/** The store's audit repository, behind the one method the digest needs. */
export interface AuditSink {
  append(entry: AuditEntry): Promise<void>;
}
