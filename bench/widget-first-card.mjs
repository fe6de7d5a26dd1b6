// Time to the first card: a 1,000-card deck given as markdown, from the widget's module starting
// to run (performance mark note-quiz:module) to its first card on screen (note-quiz:first-card),
// in headless chromium. A benchmark, not a test: it prints the figures (docs/benchmarks.md).
// Each run starts a fresh browser and waits until it has finished starting (bench/browser-idle.mjs)
// before opening the page, as a learner's page opens in a running browser; one more series opens
// the page straight after the launch, for comparison with figures measured that way before
// 2026-11-28. The pages come from a server process of their own (bench/page-server.mjs).
// Usage: node bench/widget-first-card.mjs [RUNS]   (needs the wasm build and npm ci)
import { launch, page } from '../tests/browser/harness.mjs';
import { loadNotequiz } from '../tests/wasm/load_module.mjs';
import { browserIdle } from './browser-idle.mjs';
import { startPageServer } from './page-server.mjs';

const runs = Number(process.argv[2] ?? 7);
const cards = 1000;

// A deck shaped like real notes: sections, prose, lists, code, a choice question now and then.
function notes() {
  const out = ['---', 'id: bench-1000', 'title: A thousand questions', '---', ''];
  for (let i = 0; i < cards; i += 1) {
    if (i % 50 === 0) out.push(`# Part ${i / 50 + 1}`, '');
    if (i % 10 === 9) {
      out.push(`## Which of these hold for item ${i}?`, '', '- [x] It is listed', '- [ ] It is missing', '- [x] It has a number', '',
        'Only missing items are missing.', '');
    } else {
      out.push(`## What does function \`f${i}\` return for input ${i}?`, '',
        `It returns **${i * 2}**, twice its input; see [the spec](https://example.org/spec#f${i}).`, '',
        '```go', `func f${i}(x int) int {`, '\treturn 2 * x', '}', '```', '', '- doubling is linear', '- no side effects', '');
    }
  }
  return out.join('\n');
}

const markdown = notes();

// A returning learner: every card reviewed once, ten days ago, due now. The ids and the deck's id
// come from the core itself, so the saved progress matches the deck the page opens.
async function savedProgress() {
  const core = await loadNotequiz();
  const opened = JSON.parse(core.openNotes(markdown, JSON.stringify({ sourcePath: 'bench.md' })));
  const reviewed = Date.now() - 10 * 86_400_000;
  const cards = {};
  const log = [];
  for (const c of opened.deck.cards) {
    cards[c.id] = { state: 'review', due: reviewed + 5 * 86_400_000, stability: 5.1, difficulty: 4.93, elapsedDays: 0,
      scheduledDays: 5, learningSteps: 0, reps: 1, lapses: 0, lastReview: reviewed };
    log.push({ card: c.id, time: reviewed, rating: 'good' });
  }
  const value = JSON.stringify({ format: 'notequiz-progress', version: 1, deck: opened.deck.id, cards, log });
  const check = JSON.parse(core.deckSetProgress(opened.handle, value));
  if (!check.ok) throw new Error(`the bench's progress does not read: ${check.error}`);
  return { key: `notequiz:v1:${opened.deck.id}`, value };
}

const server = await startPageServer({
  '/bench.md': markdown,
  '/bench.html': page('<note-quiz src="/bench.md"></note-quiz>'),
});

// Runs the page `runs` times, each in a fresh browser; returns the marks' intervals.
async function measure(saved, { settle = true } = {}) {
  const figures = { times: [], parts: [], rest: [], open: [] };
  for (let run = 0; run < runs; run += 1) {
    // A fresh browser each run: contexts of one browser can share a renderer process, whose
    // compiled (and already optimized) wasm code a later run would reuse.
    const browser = await launch();
    try {
      const context = await browser.newContext();
      // The page says when its first card is up; nothing polls it meanwhile (waitForFunction
      // runs playwright's script in the page on every frame, inside the window measured).
      let shown;
      const firstCard = new Promise((resolve) => { shown = resolve; });
      await context.exposeFunction('benchFirstCardShown', () => shown());
      await context.addInitScript(() => {
        new PerformanceObserver((list, observer) => {
          if (list.getEntriesByName('note-quiz:first-card').length === 0) return;
          observer.disconnect();
          window.benchFirstCardShown();
        }).observe({ type: 'mark', buffered: true });
      });
      if (saved) await context.addInitScript(({ key, value }) => localStorage.setItem(key, value), saved);
      const p = await context.newPage();
      if (settle) await browserIdle();
      await p.goto(`${server.origin}/bench.html`);
      let timer;
      await Promise.race([firstCard, new Promise((resolve, reject) => {
        timer = setTimeout(() => reject(new Error('no first card within 60 s')), 60000);
      })]).finally(() => clearTimeout(timer));
      // The whole deck is open once note-quiz:deck-open is marked: at the first card, or just
      // after it when the first card came from the notes' first part.
      await p.waitForFunction(() => performance.getEntriesByName('note-quiz:deck-open').length > 0);
      const marks = await p.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
      const cardsOpen = await p.evaluate(() => performance.getEntriesByName('note-quiz:deck-open')[0].detail.cards);
      if (cardsOpen !== cards) throw new Error(`the deck has ${cardsOpen} cards, expected ${cards}`);
      if (saved) {
        const due = await p.evaluate(() => document.querySelector('note-quiz').shadowRoot.querySelector('.counts')?.textContent ?? '');
        if (!due.includes(String(cards))) throw new Error(`the saved progress was not used: the counts read "${due}"`);
      }
      figures.times.push(marks['note-quiz:first-card'] - marks['note-quiz:module']);
      figures.parts.push(marks['note-quiz:core-ready'] - marks['note-quiz:module']);
      figures.rest.push(marks['note-quiz:first-card'] - marks['note-quiz:core-ready']);
      figures.open.push(marks['note-quiz:deck-open'] - marks['note-quiz:module']);
    } finally {
      await browser.close();
    }
  }
  return figures;
}

let fresh;
let returning;
let unsettled;
try {
  fresh = await measure(null);
  returning = await measure(await savedProgress());
  unsettled = await measure(null, { settle: false });
} finally {
  await server.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const { times, parts, rest } = fresh;
console.log(`widget first card, ${cards} cards of markdown (${(markdown.length / 1024).toFixed(0)} KiB), ${runs} runs in headless chromium:`);
console.log(`  module -> first card: median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`);
console.log(`  of which module -> core ready (fetch + compile wasm): median ${median(parts).toFixed(1)} ms`);
console.log(`  core ready -> first card (parse, session, render): median ${median(rest).toFixed(1)} ms (min ${Math.min(...rest).toFixed(1)}, max ${Math.max(...rest).toFixed(1)})`);
console.log(`  module -> whole deck open (after the first card when that came from the notes' first part): median ${median(fresh.open).toFixed(1)} ms`);
console.log(`  a returning learner (saved progress for all ${cards} cards, due): module -> first card: median ${median(returning.times).toFixed(1)} ms; core ready -> first card: median ${median(returning.rest).toFixed(1)} ms`);
console.log(`  straight after the browser's launch (the method before 2026-11-28): module -> first card: median ${median(unsettled.times).toFixed(1)} ms; core ready -> first card: median ${median(unsettled.rest).toFixed(1)} ms`);
