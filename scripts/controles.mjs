// The checks before `npm test`'s vitest run, side by side: `typecheck`, `lint:code` and `lint:format`
// (the npm scripts, so each command is written once, in package.json). Each is one process on one core:
// about 38, 22 and 26 s of CPU (cold, no caches, as in CI), so on an idle two-core machine side by side
// should take about half the clock time of one after another.
// Each script's output is written whole, in this order, once it has ended; the exit status is the first
// non-zero one of the three, so `npm test` stops before vitest as it did when they ran one after another.
import { spawn } from 'node:child_process';

const SCRIPTS = ['typecheck', 'lint:code', 'lint:format'];
const npm = process.env.npm_execpath;

function draai(script) {
  // npm_execpath is npm's own CLI when run through npm; `npm` from PATH otherwise
  const [bestand, args] = npm ? [process.execPath, [npm, 'run', '--silent', script]] : ['npm', ['run', '--silent', script]];
  return new Promise((klaar) => {
    const uitvoer = [];
    const begin = performance.now();
    const kind = spawn(bestand, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    kind.stdout.on('data', (d) => uitvoer.push(d));
    kind.stderr.on('data', (d) => uitvoer.push(d));
    kind.on('error', (fout) => klaar({ script, code: 1, uitvoer: [Buffer.from(`${fout.message}\n`)], s: 0 }));
    kind.on('close', (code, signaal) => klaar({ script, code: code ?? (signaal ? 1 : 0), uitvoer, s: (performance.now() - begin) / 1000 }));
  });
}

let status = 0;
for (const lopend of SCRIPTS.map(draai)) {
  const { script, code, uitvoer, s } = await lopend;
  process.stdout.write(`> npm run ${script} (${s.toFixed(1)} s${code === 0 ? '' : `, exit ${code}`})\n`);
  for (const d of uitvoer) process.stdout.write(d);
  if (status === 0 && code !== 0) status = code;
}
process.exitCode = status;
