import { SingleBar, Presets } from 'cli-progress';

/** A progress bar on a terminal; on a pipe, a line every `interval` units so logs show progress too. */
export interface Voortgang {
  update(value: number): void;
  stop(): void;
}

const formatter = new Intl.NumberFormat('nl-NL');

export function maakVoortgang(label: string, totaal: number, eenheid: string, interval = 20_000): Voortgang {
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} ${eenheid} | nog {eta_formatted}`, stream: process.stderr, hideCursor: true },
      Presets.shades_classic,
    );
    bar.start(totaal, 0);
    return { update: (v) => bar.update(v), stop: () => bar.stop() };
  }
  let volgende = interval;
  return {
    update(value) {
      if (value >= volgende) {
        process.stderr.write(`${label}: ${formatter.format(value)} ${eenheid} verwerkt\n`);
        while (volgende <= value) volgende += interval;
      }
    },
    stop() {},
  };
}
