#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx vt-monitor …` needs no build step.
import { register } from 'tsx/esm/api';

process.env.TZ ??= 'Europe/Amsterdam';
register();
const { main } = await import('../server/cli/main.ts');
await main(process.argv);
