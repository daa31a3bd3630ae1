// npm prepare: uses the hooks in .githooks (the commit-msg check) for this checkout. Outside a git
// checkout (an npm pack, a copy without .git, no git installed) it does nothing, and it never fails
// an install.
import { execFileSync } from 'node:child_process';

try {
  const git = (...args) => execFileSync('git', args, { stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' }).trim();
  if (git('rev-parse', '--is-inside-work-tree') === 'true') {
    const top = git('rev-parse', '--show-toplevel');
    execFileSync('git', ['-C', top, 'config', 'core.hooksPath', '.githooks'], { stdio: 'ignore' });
  }
} catch {
  // not a git checkout, or git is missing: nothing to enable
}
