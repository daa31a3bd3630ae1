// Entry of the preparation worker: worker threads do not inherit the CLI's loader, so the
// TypeScript module loads here as a prebuilt bundle or through tsx (bin/laad-typescript.mjs).
import { laadTypeScript } from '../../bin/laad-typescript.mjs';

await laadTypeScript('server/import/voorbereiding-worker.ts');
