// Entry of the preparation worker: worker threads do not inherit tsx's loader, so it is
// registered here before the TypeScript module loads (as bin/vt-monitor.js does for the CLI).
import { register } from 'tsx/esm/api';

register();
await import('./voorbereiding-worker.ts');
