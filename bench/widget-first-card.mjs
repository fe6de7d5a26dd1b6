// Time to the first card: a 1,000-card deck given as markdown, from the widget's module starting
// to run (performance mark note-quiz:module) to its first card on screen (note-quiz:first-card),
// in headless chromium. A benchmark, not a test: it prints the figures (docs/benchmarks.md).
// Usage: node bench/widget-first-card.mjs [RUNS]   (needs the wasm build and npm ci)
import { launch, serveWidget, page } from '../tests/browser/harness.mjs';

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
const server = await serveWidget({
  '/bench.md': markdown,
  '/bench.html': page('<note-quiz src="/bench.md"></note-quiz>'),
});
const times = [];
const parts = [];
const rest = [];
try {
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
      const p = await context.newPage();
      await p.goto(`${server.origin}/bench.html`);
      let timer;
      await Promise.race([firstCard, new Promise((resolve, reject) => {
        timer = setTimeout(() => reject(new Error('no first card within 60 s')), 60000);
      })]).finally(() => clearTimeout(timer));
      const marks = await p.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
      const cardsShown = await p.evaluate(() => performance.getEntriesByName('note-quiz:first-card')[0].detail.cards);
      if (cardsShown !== cards) throw new Error(`the deck has ${cardsShown} cards, expected ${cards}`);
      times.push(marks['note-quiz:first-card'] - marks['note-quiz:module']);
      parts.push(marks['note-quiz:core-ready'] - marks['note-quiz:module']);
      rest.push(marks['note-quiz:first-card'] - marks['note-quiz:core-ready']);
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`widget first card, ${cards} cards of markdown (${(markdown.length / 1024).toFixed(0)} KiB), ${runs} runs in headless chromium:`);
console.log(`  module -> first card: median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`);
console.log(`  of which module -> core ready (fetch + compile wasm): median ${median(parts).toFixed(1)} ms`);
console.log(`  core ready -> first card (parse, session, render): median ${median(rest).toFixed(1)} ms (min ${Math.min(...rest).toFixed(1)}, max ${Math.max(...rest).toFixed(1)})`);
