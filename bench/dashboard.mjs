// Opens the county dashboard RUNS times in headless Chromium (over the DevTools protocol, no
// extra packages) and prints, per opening, the milliseconds from the start of navigation until
// the summary table shows the chosen range's entries; then the median and the slowest.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [chromium, base, token, account, county, runs] = process.argv.slice(2);
const port = 9300 + Math.floor(Math.random() * 500);
const browser = spawn(chromium, ['--headless', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`,
  `--user-data-dir=${mkdtempSync(join(tmpdir(), 'gatepost-bench-'))}`, '--no-first-run', 'about:blank'], { stdio: 'ignore' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let targets;
for (let i = 0; i < 50 && !targets; i++) {
  await sleep(200);
  targets = await fetch(`http://127.0.0.1:${port}/json`).then((r) => r.json()).catch(() => null);
}
const page = targets.find((t) => t.type === 'page');
const socket = new WebSocket(page.webSocketDebuggerUrl);
await new Promise((r) => socket.addEventListener('open', r));
let id = 0;
const waiting = new Map();
socket.addEventListener('message', (m) => {
  const message = JSON.parse(m.data);
  if (message.id && waiting.has(message.id)) { waiting.get(message.id)(message); waiting.delete(message.id); }
});
const send = (method, params = {}) => new Promise((resolve) => { const n = ++id; waiting.set(n, resolve); socket.send(JSON.stringify({ id: n, method, params })); });
const evaluate = async (expression) => {
  const answer = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  if (answer.result?.exceptionDetails) throw new Error(JSON.stringify(answer.result.exceptionDetails));
  return answer.result?.result?.value;
};

await send('Page.enable');
await send('Runtime.enable');
await send('Page.navigate', { url: `${base}/` });
await sleep(1500);
// Signed in as the county official: the session the app keeps in IndexedDB.
const expiresAt = new Date(Date.now() + 7 * 3600_000).toISOString();
await evaluate(`import('/js/session.js').then((s) => s.save(${JSON.stringify({ token, expiresAt, account: JSON.parse(account) })}))`);

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const from = new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
const url = `${base}/#/dashboard?place=${county}&from=${from}&to=${today}`;
const times = [];
for (let i = 0; i < Number(runs); i++) {
  await send('Page.navigate', { url: 'about:blank' });
  await sleep(300);
  await send('Page.navigate', { url });
  const ms = await evaluate(`new Promise((resolve, reject) => {
    const done = () => { const cell = document.getElementById('sum-entries-range'); return cell && /\\d/.test(cell.textContent); };
    const check = () => done() ? resolve(performance.now()) : (performance.now() > 30000 ? reject(new Error('no figures')) : requestAnimationFrame(check));
    check();
  })`).catch(async () => {
    await sleep(200); // the new document was not there yet
    return evaluate(`new Promise((resolve) => { const check = () => { const c = document.getElementById('sum-entries-range'); c && /\\d/.test(c.textContent) ? resolve(performance.now()) : requestAnimationFrame(check); }; check(); })`);
  });
  const figure = await evaluate(`document.getElementById('sum-entries-range').textContent`);
  times.push(ms);
  console.log(`opening ${i + 1}: first figures after ${ms.toFixed(0)} ms (entries over 30 days: ${figure})`);
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor((sorted.length - 1) / 2)];
console.log(`RESULT median_ms=${median.toFixed(0)} slowest_ms=${sorted[sorted.length - 1].toFixed(0)} first_ms=${times[0].toFixed(0)} runs=${times.length} (goal: under 1000 ms)`);
socket.close();
browser.kill();
process.exit(0);
