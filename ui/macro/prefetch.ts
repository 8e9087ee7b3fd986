import { prefetchForHostPage } from '../shared/page-report-prefetch';

// Imported first by main.tsx: the report request leaves before Atlaskit and React evaluate.
prefetchForHostPage();
