/** Baseline for bench:web: express serving one static file (argv: directory, port). */
import express from 'express';

const [dir, port] = process.argv.slice(2);
const app = express();
app.use(express.static(dir!));
app.listen(Number(port), '127.0.0.1', () => process.stdout.write('klaar\n'));
