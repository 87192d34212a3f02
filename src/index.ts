// Action entry: only starts things. The work is in main.ts.
import { run } from './main.js';

void run();
