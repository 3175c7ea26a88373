// For test files that exercise no ticket behaviour (auth, reports over inserted stages).
import { refusingRuntime } from '../src/refusing-runtime.js';

export const idleRuntime = () => refusingRuntime('by this test file');
