#!/usr/bin/env node
// Runs the TypeScript CLI without a build step: as a bundle built on first use, or through tsx
// (bin/laad-typescript.mjs), so `npx vt-monitor …` and `npm start` work on a fresh clone.
import { laadTypeScript } from './laad-typescript.mjs';

process.env.TZ ??= 'Europe/Amsterdam';
const { main } = await laadTypeScript('server/cli/main.ts');
await main(process.argv);
