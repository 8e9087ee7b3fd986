import { configure } from '@testing-library/react';

// CI runs these beside the other suites on two cores; under that load a first render can take
// longer than Testing Library's 1 s default for findBy*/waitFor, which failed a correct test once.
// The wait stays below Jest's 5 s test timeout, so a render that never arrives still fails clearly.
configure({ asyncUtilTimeout: 4_000 });
