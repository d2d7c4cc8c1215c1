// Checks the built staff app: the entry chunk (everything a volunteer's console loads) stays within its budget and
// carries neither the charting library nor the map of the dashboard, which load only with the dashboard's screens.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import console from 'node:console';
import { join } from 'node:path';
import process from 'node:process';

const BUDGET = 490 * 1024;
const assets = 'dist/assets';
const entry = readdirSync(assets).find((file) => /^index-.*\.js$/.test(file));
const code = readFileSync(join(assets, entry), 'utf8');
const problems = [];
if (statSync(join(assets, entry)).size > BUDGET) {
  problems.push(
    `${entry} weighs ${statSync(join(assets, entry)).size} bytes, over its ${BUDGET}-byte budget`,
  );
}
for (const [name, mark] of [
  ['Chart.js', 'chartjs'],
  ['the map of the départements', 'choropleth'],
]) {
  if (code.includes(mark)) {
    problems.push(`${entry} carries ${name}, which must load only with the dashboard`);
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`${entry}: ${statSync(join(assets, entry)).size} bytes, dashboard code left out`);
