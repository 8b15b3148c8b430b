import { afterAll } from 'vitest';
import { removeTempDirs } from './temp.js';

// Runs in every test file (vitest setupFiles): its temporary folders go when it is done.
afterAll(removeTempDirs);
