// Worker threads do not inherit the TypeScript loader of `tsx server/main.ts` on every Node
// version: register it here, then load the thread's real code.
import { register } from 'tsx/esm/api';

register();
await import('./bulk-thread.ts');
