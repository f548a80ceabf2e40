import { runAppBench } from './app.bench.ts';
import { runBrowserBench } from './browser.bench.ts';
import { runCoreBench } from './core.bench.ts';
import { runExportBench } from './export.bench.ts';
import { runLayoutBench } from './layout.bench.ts';
import { runTensorBench } from './tensor.bench.ts';
import { runTrainBench } from './train.bench.ts';

/** `npm run bench`: every performance figure the issues ask for, measured on this machine. */
const sections: [string, () => Promise<string>][] = [
  ['core', runCoreBench],
  ['tensor', runTensorBench],
  ['layout', runLayoutBench],
  ['browser', runBrowserBench],
  ['train', runTrainBench],
  ['app', runAppBench],
  ['export', runExportBench],
];
const only = process.argv.slice(2);
for (const [name, run] of sections) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  console.log(await run());
}
