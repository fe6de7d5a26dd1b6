#!/usr/bin/env node
// Reference vectors for notequiz's C++ FSRS scheduler, produced by ts-fsrs (the pinned
// devDependency). Reproducible: the review sequences come from a seeded PRNG, so running it
// again gives the same file byte for byte.
//
//   node tools/fsrs-vectors/generate.mjs > tests/data/fsrs-vectors.json
//   node tools/fsrs-vectors/generate.mjs -o tests/data/fsrs-vectors.json [--sequences N] [--seed S]
//
// File layout (docs/scheduling.md#reference-vectors): one sequence per line, each with the
// scheduler parameters it differs from the defaults in, and one row per review holding the
// review and the reference's card state after it, in the order of "columns".
import fs from 'node:fs';
import { fsrs, createEmptyCard, FSRSVersion, StrategyMode, default_w } from 'ts-fsrs';

const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}
const outputPath = option('-o', null);
const sequenceCount = Number(option('--sequences', '1200'));
const masterSeed = Number(option('--seed', '20250601'));

// xorshift32: small, fast and identical on every node version.
function makeRandom(seed) {
  let x = (seed >>> 0) || 0x9e3779b9;
  const next = () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),  // inclusive
    real: (lo, hi) => lo + next() * (hi - lo),
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (pairs) => {
      const total = pairs.reduce((sum, [w]) => sum + w, 0);
      let r = next() * total;
      for (const [w, value] of pairs) {
        if ((r -= w) < 0) return value;
      }
      return pairs[pairs.length - 1][1];
    },
  };
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// The parameters a sequence runs with, as notequiz's options name them; only what differs
// from the defaults is present.
function chooseParams(rand) {
  const p = {};
  if (rand.next() < 0.15) p.retention = Math.round(rand.real(0.7, 0.97) * 100) / 100;
  if (rand.next() < 0.1) p.maximumInterval = rand.pick([30, 180, 365, 1000, 3650]);
  if (rand.next() < 0.1) p.learningSteps = rand.pick([[], ['5m'], ['1m', '10m', '1h'], ['10m', '1d'], ['30m', '2h', '2d']]);
  if (rand.next() < 0.1) p.relearningSteps = rand.pick([[], ['5m', '20m'], ['1h'], ['1d'], ['10m', '1h', '3h']]);
  if (rand.next() < 0.07) p.shortTerm = false;
  if (rand.next() < 0.2) {
    p.fuzz = true;
    p.seed = rand.int(0, 2 ** 31 - 1);
  }
  if (rand.next() < 0.08) p.weights = default_w.map((w) => Number((w * rand.real(0.5, 1.6)).toFixed(4)));
  return p;
}

function makeScheduler(p) {
  const f = fsrs({
    request_retention: p.retention ?? 0.9,
    maximum_interval: p.maximumInterval ?? 36500,
    learning_steps: p.learningSteps ?? ['1m', '10m'],
    relearning_steps: p.relearningSteps ?? ['10m'],
    enable_short_term: p.shortTerm ?? true,
    enable_fuzz: p.fuzz ?? false,
    w: p.weights ?? [...default_w],
  });
  // notequiz seeds fuzz with "<seed>_<review ms>_<reps after this review>".
  const seed = p.seed ?? 0;
  f.useStrategy(StrategyMode.SEED, function () {
    return `${seed}_${this.review_time.getTime()}_${this.current.reps}`;
  });
  return f;
}

// How long after the previous review the next one happens: mostly spread over every scale
// from seconds to years, sometimes measured against the scheduled interval (early, on time
// or long overdue).
function chooseGap(rand, card, previous) {
  if (previous !== null && rand.next() < 0.35) {
    const scheduled = Math.max(card.due.getTime() - previous, MINUTE);
    const factor = rand.weighted([[3, rand.real(0.05, 0.95)], [2, 1], [3, rand.real(1.05, 3)], [2, rand.real(3, 40)]]);
    return Math.max(SECOND, Math.round(scheduled * factor) + rand.int(-30, 30) * SECOND);
  }
  const unit = rand.weighted([[2, SECOND], [4, MINUTE], [2, HOUR], [5, DAY], [1, 30 * DAY], [1, 365 * DAY]]);
  const most = { [SECOND]: 59, [MINUTE]: 59, [HOUR]: 23, [DAY]: 30, [30 * DAY]: 12, [365 * DAY]: 12 }[unit];
  return rand.int(1, most) * unit + rand.int(0, 999);
}

const ratingNames = { 1: 'again', 2: 'hard', 3: 'good', 4: 'easy' };

function makeSequence(rand) {
  const params = chooseParams(rand);
  const f = makeScheduler(params);
  // Any time between 2001 and 2033, not aligned to seconds, so day boundaries fall anywhere.
  let now = rand.int(978307200, 2000000000) * SECOND + rand.int(0, 999);
  let card = createEmptyCard(new Date(now));
  let previous = null;
  const steps = [];
  const length = rand.int(4, 14);
  for (let i = 0; i < length; i++) {
    if (i > 0) now += chooseGap(rand, card, previous);
    const rating = rand.weighted([[20, 1], [15, 2], [50, 3], [15, 4]]);
    card = f.next(card, new Date(now), rating).card;
    previous = now;
    steps.push([
      now, ratingNames[rating], card.due.getTime(), card.stability, card.difficulty, card.state,
      card.scheduled_days, card.learning_steps, card.reps, card.lapses, card.elapsed_days,
    ]);
  }
  return { params, steps };
}

const rand = makeRandom(masterSeed);
const sequences = Array.from({ length: sequenceCount }, () => makeSequence(rand));

const header = {
  reference: FSRSVersion,
  generator: 'tools/fsrs-vectors/generate.mjs',
  seed: masterSeed,
  columns: ['time', 'rating', 'due', 'stability', 'difficulty', 'state', 'scheduledDays',
    'learningSteps', 'reps', 'lapses', 'elapsedDays'],
  states: ['new', 'learning', 'review', 'relearning'],
};
const head = JSON.stringify(header);
const text = `${head.slice(0, -1)},"sequences":[\n${sequences.map((s) => JSON.stringify(s)).join(',\n')}\n]}\n`;
if (outputPath) fs.writeFileSync(outputPath, text);
else process.stdout.write(text);
