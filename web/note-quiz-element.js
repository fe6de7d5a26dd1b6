// <note-quiz>: practise markdown notes as flashcards and choice questions, progress kept in
// the browser. The WebAssembly core parses, renders, schedules and keeps the progress format;
// this class is only the UI. Usage and every option: docs/embedding.md.
// Its one import is the core's loader; the build puts the loader's text in its place
// (scripts/minify-widget.mjs), so the module pages download imports nothing, costs no second
// request, and can be inlined into a single page as it is.
import createNotequiz from './notequiz_wasm.js';

performance.mark('note-quiz:module');

// Every UI string, in both languages. `{0}`, `{1}` are filled in by `format`.
const strings = {
  en: {
    loading: 'Loading questions…',
    loadFailed: 'Could not load the notes: {0}',
    noCards: 'These notes have no questions yet.',
    new: 'New', learning: 'Learning', due: 'Due',
    sessionProgress: 'Session progress: {0} of {1}',
    showAnswer: 'Show answer',
    again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy',
    rateWith: 'Rate with keys 1–4',
    showWith: 'Space or Enter shows the answer',
    check: 'Check', reveal: 'Show answer', next: 'Continue',
    chooseOne: 'Choose one answer (keys {0})', chooseMany: 'Choose every right answer (keys {0})',
    right: 'Correct.', wrong: 'Not quite. Try again, or show the answer.', revealed: 'The right answers are marked.',
    rightOption: '(right answer)', wrongOption: '(your choice, wrong)',
    noAnswer: 'No answer written yet.',
    graded: 'Rated {0}. Next review in {1}.',
    minutes: '{0} min', hours: '{0} h', days: '{0} d', months: '{0} mo', years: '{0} y',
    endTitle: 'Session complete', nothingDue: 'Nothing is due right now.',
    reviewed: 'Reviewed', remembered: 'Remembered', reviewsToday: 'Reviews today', streak: 'Day streak',
    dueTomorrow: 'Due tomorrow', retention: 'Retention, 30 days',
    learningBack: 'Cards you are learning come back at {0}.',
    studyAhead: 'Study ahead', browse: 'Browse', review: 'Review',
    aheadNone: 'Nothing to study ahead in the next 30 days.',
    search: 'Search questions', matches: '{0} of {1} questions',
    exportProgress: 'Export progress', importProgress: 'Import progress',
    imported: 'Imported {0} new reviews.', importFailed: 'Could not import that file: {0}',
    storageCorrupt: 'The progress saved here could not be read. It was kept aside under “{0}” and practice starts afresh.',
    storageUnavailable: 'This browser does not let the page keep data, so your progress will not be kept after you leave.',
    dismiss: 'Dismiss',
  },
  zh: {
    loading: '正在加载题目…',
    loadFailed: '无法加载笔记：{0}',
    noCards: '这份笔记里还没有题目。',
    new: '新卡', learning: '学习中', due: '待复习',
    sessionProgress: '本轮进度：{0} / {1}',
    showAnswer: '显示答案',
    again: '重来', hard: '困难', good: '良好', easy: '简单',
    rateWith: '按 1–4 键评分',
    showWith: '按空格键或回车键显示答案',
    check: '检查', reveal: '显示答案', next: '继续',
    chooseOne: '选择一个答案（数字键 {0}）', chooseMany: '选择所有正确答案（数字键 {0}）',
    right: '回答正确。', wrong: '不太对。再试一次，或者显示答案。', revealed: '正确答案已标出。',
    rightOption: '（正确答案）', wrongOption: '（你的选择，错误）',
    noAnswer: '这道题还没有写答案。',
    graded: '已评为「{0}」，{1}后再复习。',
    minutes: '{0} 分钟', hours: '{0} 小时', days: '{0} 天', months: '{0} 个月', years: '{0} 年',
    endTitle: '本轮完成', nothingDue: '现在没有需要复习的题目。',
    reviewed: '已复习', remembered: '记得', reviewsToday: '今日复习', streak: '连续天数',
    dueTomorrow: '明天到期', retention: '30 天记忆保持率',
    learningBack: '正在学习的卡片将于 {0} 再次出现。',
    studyAhead: '提前学习', browse: '浏览', review: '复习',
    aheadNone: '未来 30 天内没有可以提前学习的题目。',
    search: '搜索题目', matches: '{0} / {1} 道题',
    exportProgress: '导出进度', importProgress: '导入进度',
    imported: '已导入 {0} 条新的复习记录。', importFailed: '无法导入该文件：{0}',
    storageCorrupt: '此处保存的进度无法读取，已另存为“{0}”，练习将重新开始。',
    storageUnavailable: '浏览器不允许此页面保存数据，离开后进度不会保留。',
    dismiss: '知道了',
  },
};

const dark = `--nq-accent: var(--note-quiz-accent, #4493f8); --nq-on-accent: var(--note-quiz-on-accent, #0d1117);
  --nq-bg: var(--note-quiz-background, #0d1117); --nq-fg: var(--note-quiz-text, #e6edf3);
  --nq-muted: #9198a1; --nq-line: #3d444d; --nq-soft: #151b23; --nq-good: #3fb950; --nq-bad: #f85149; --nq-warn: #d29922;
  color-scheme: dark;`;

const styles = `
:host {
  --nq-accent: var(--note-quiz-accent, #1f6feb);
  --nq-on-accent: var(--note-quiz-on-accent, #fff);
  --nq-font: var(--note-quiz-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif);
  --nq-mono: var(--note-quiz-code-font, ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace);
  --nq-bg: var(--note-quiz-background, #fff);
  --nq-fg: var(--note-quiz-text, #1f2328);
  --nq-muted: #59636e; --nq-line: #d1d9e0; --nq-soft: #f6f8fa; --nq-good: #1a7f37; --nq-bad: #cf222e; --nq-warn: #9a6700;
  display: block; color-scheme: light; font: 16px/1.65 var(--nq-font); color: var(--nq-fg);
}
:host([hidden]), [hidden] { display: none !important; }
@media (prefers-color-scheme: dark) {
  :host(:not([theme=light])) {
    ${dark}
  }
}
:host([theme=dark]) { ${dark} }
*, *::before, *::after { box-sizing: border-box; }
.frame { max-width: var(--note-quiz-max-width, 46rem); margin: 0 auto; padding: clamp(12px, 4vw, 28px);
  background: var(--nq-bg); border: 1px solid var(--nq-line); border-radius: 12px; overflow-wrap: anywhere; }
header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 4px 16px; }
.deck { font-weight: 600; margin: 0; }
.counts { display: flex; gap: 12px; margin: 0; padding: 0; list-style: none; font-size: .875em; color: var(--nq-muted); }
.counts b { font-variant-numeric: tabular-nums; color: var(--nq-fg); }
.meter { height: 4px; margin: 8px 0 20px; background: var(--nq-soft); border-radius: 2px; overflow: hidden; }
.meter span { display: block; height: 100%; width: 0; background: var(--nq-accent); transition: width .2s; }
.notice { display: flex; gap: 12px; align-items: center; justify-content: space-between; margin: 0 0 16px;
  padding: 8px 12px; border-left: 4px solid var(--nq-warn); background: var(--nq-soft); font-size: .9em; }
.path { margin: 0; font-size: .85em; color: var(--nq-muted); }
.question { margin: .2em 0 .8em; font-size: 1.3em; line-height: 1.45; font-weight: 600; }
.question:focus { outline: none; }
.question:focus-visible { outline: 3px solid var(--nq-accent); outline-offset: 4px; }
.actions { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 8px; }
.actions > button { height: 3.75rem; }
@media (max-width: 30rem) { .grade kbd { display: none; } }
.wide { grid-column: 1 / -1; }
.half { grid-column: span 2; }
button { font: inherit; color: var(--nq-fg); background: var(--nq-soft); border: 1px solid var(--nq-line);
  border-radius: 8px; padding: 6px 12px; cursor: pointer; min-height: 36px; }
button:hover { border-color: var(--nq-muted); }
button.primary { background: var(--nq-accent); color: var(--nq-on-accent); border-color: transparent; font-weight: 600; }
button:focus-visible, input:focus-visible, summary:focus-visible, a:focus-visible {
  outline: 3px solid var(--nq-accent); outline-offset: 2px; }
.grade { display: flex; flex-direction: column; align-items: center; justify-content: center; line-height: 1.25; padding: 4px; }
.grade small { font-size: .8em; color: var(--nq-muted); font-variant-numeric: tabular-nums; }
kbd { font: .8em var(--nq-mono); padding: 0 4px; border: 1px solid currentColor; border-radius: 4px; opacity: .8; }
.hint { margin: 6px 0 0; font-size: .8em; color: var(--nq-muted); min-height: 1.65em; }
.answer { margin-top: 16px; padding-top: 12px; border-top: 1px solid var(--nq-line); }
.answer[data-closed] { visibility: hidden; }
.answer > :first-child { margin-top: 0; }
.content pre { margin: .8em 0; padding: 10px 14px; background: var(--nq-soft); border-radius: 8px;
  font: .9em/1.55 var(--nq-mono); white-space: pre-wrap; overflow-wrap: anywhere; }
.content code { font-family: var(--nq-mono); font-size: .9em; }
.content :not(pre) > code, .question code, .option code { padding: .1em .3em; background: var(--nq-soft); border-radius: 4px; }
.question code, .option code { font-family: var(--nq-mono); font-size: .9em; }
.content img { max-width: 100%; height: auto; }
.content a { color: var(--nq-accent); }
.content table { border-collapse: collapse; display: block; overflow-x: auto; }
.content th, .content td { border: 1px solid var(--nq-line); padding: 4px 8px; }
.content blockquote { margin: .8em 0; padding-left: 12px; border-left: 3px solid var(--nq-line); color: var(--nq-muted); }
fieldset { border: 0; margin: 0 0 12px; padding: 0; min-width: 0; }
legend { padding: 0; margin-bottom: 4px; font-size: .85em; color: var(--nq-muted); }
.option { display: flex; gap: 10px; align-items: baseline; margin: 6px 0; padding: 8px 12px;
  border: 1px solid var(--nq-line); border-radius: 8px; cursor: pointer; }
.option:has(input:checked) { border-color: var(--nq-accent); }
.option input { margin: 0; accent-color: var(--nq-accent); }
.option .key { font: .8em var(--nq-mono); color: var(--nq-muted); }
.option .body > :first-child { margin-top: 0; } .option .body > :last-child { margin-bottom: 0; }
.option .mark { margin-left: auto; min-width: 1.2em; font-weight: 700; }
.option.right { border-color: var(--nq-good); } .option.right .mark { color: var(--nq-good); }
.option.wrong { border-color: var(--nq-bad); } .option.wrong .mark { color: var(--nq-bad); }
.choices { list-style: none; padding: 0; }
.choices li { display: flex; gap: 8px; align-items: baseline; }
.choices .mark { min-width: 1.2em; color: var(--nq-good); font-weight: 700; }
.choices .body > * { margin: 0; }
.feedback { min-height: 1.65em; margin: 10px 0 0; font-weight: 600; }
.feedback.right { color: var(--nq-good); } .feedback.wrong { color: var(--nq-bad); }
.end h3 { margin: 0 0 12px; font-size: 1.3em; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr)); gap: 8px; margin: 0 0 16px; }
.stats div { padding: 8px 12px; background: var(--nq-soft); border-radius: 8px; }
.stats dt { font-size: .8em; color: var(--nq-muted); } .stats dd { margin: 0; font-size: 1.3em; font-weight: 600; }
.row { display: flex; flex-wrap: wrap; gap: 8px; }
input[type=search] { width: 100%; font: inherit; color: var(--nq-fg); background: var(--nq-bg);
  border: 1px solid var(--nq-line); border-radius: 8px; padding: 8px 12px; }
.list { list-style: none; margin: 12px 0 0; padding: 0; }
.list li { border-bottom: 1px solid var(--nq-line); }
summary { cursor: pointer; padding: 10px 4px; font-weight: 600; }
summary .path { display: block; font-weight: 400; }
details .content { padding: 0 4px 12px; }
.tools { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 20px; padding-top: 12px; border-top: 1px solid var(--nq-line); }
.tools button { font-size: .875em; }
.sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;

const ratings = ['again', 'hard', 'good', 'easy'];
const day = 86400000;
// Notes of at least 4 parts' bytes may show their first card from their first part (#openDeck).
const firstPart = 16384;

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

let sheet = null;
let instances = 0;

export class NoteQuizElement extends HTMLElement {
  static observedAttributes = ['src', 'lang', 'mode', 'new-per-day', 'storage-key', 'theme'];

  /// Where the WebAssembly core comes from; set before the first element connects.
  /// { moduleUrl | factory, wasmUrl | wasmBinary }, each optional (by default the loader this
  /// module imports and notequiz_wasm.wasm beside it): see docs/embedding.md.
  static coreSource = null;
  static #shared = null;

  static define(tag = 'note-quiz', registry = customElements) {
    registry.define(tag, this);
    return this;
  }

  #root;
  #uid = `nq${++instances}`;
  #loadToken = 0;
  #core = null;
  #handle = 0;         // the deck kept open in the core (openNotes/openDeck), 0 when none
  #rest = null;        // { body, options } of notes whose first part is open: #settle opens them whole
  #deck = null;        // the deck's summary: its fields, each card's id, title, path and kind
  #content = new Map(); // card id -> the card with its content (deckCard), fetched when shown
  #cards = null;       // every card with its content, fetched for browsing
  #baseUrl = '';       // notes' URL: relative images and links resolve against it
  #progress = '';      // the core's progress JSON, '' before the first review, null: ask the core (#progressText)
  #storage = null;     // localStorage, or null when progress is only kept in memory
  #key = '';
  #notice = '';
  #view = 'loading';   // loading | error | question | answer | choice | end | browse
  #error = '';
  #queue = [];
  #counts = { new: 0, learning: 0, due: 0 };
  #stats = null;
  #nextLearningDue = null;
  #aheadDays = 0;
  #aheadNone = false;
  #card = null;
  #preview = null;      // the grade buttons' intervals (deckPreviewCard), once the answer is shown
  #shownAt = 0;         // when the flashcard on screen came up
  #choice = null;      // { selected: Set, attempts, firstCorrect, done, revealed }
  #session = { reviewed: 0, remembered: 0, ratings: { again: 0, hard: 0, good: 0, easy: 0 } };
  #ended = false;
  #timer = 0;
  #search = '';

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.addEventListener('click', (event) => this.#onClick(event));
    this.#root.addEventListener('change', (event) => this.#onChange(event));
    this.#root.addEventListener('input', (event) => this.#onInput(event));
    this.addEventListener('keydown', (event) => this.#onKey(event));
  }

  get src() { return this.getAttribute('src') ?? ''; }
  set src(value) { this.setAttribute('src', value); }
  get mode() { return this.getAttribute('mode') === 'browse' ? 'browse' : 'review'; }
  set mode(value) { this.setAttribute('mode', value); }
  get newPerDay() {
    const n = Number(this.getAttribute('new-per-day') ?? NaN);
    return Number.isInteger(n) && n >= 0 && n <= 100000 ? n : 20;
  }
  set newPerDay(value) { this.setAttribute('new-per-day', String(value)); }
  get storageKey() { return this.getAttribute('storage-key') ?? ''; }
  set storageKey(value) { this.setAttribute('storage-key', value); }
  get theme() { const t = this.getAttribute('theme'); return t === 'light' || t === 'dark' ? t : 'auto'; }
  set theme(value) { this.setAttribute('theme', value); }
  /// The learner's progress on this deck in the core's format (docs/progress.md), a copy; null before a deck loads.
  get progress() {
    if (!this.#deck) return null;
    this.#settle();
    return JSON.parse(this.#progressText() || this.#core.emptyProgress(this.#deck.id));
  }

  connectedCallback() {
    // The core downloads and compiles while this element builds its first view.
    if (!this.#deck && this.#view === 'loading') NoteQuizElement.#loadCore().catch(() => {});
    if (!sheet && 'adoptedStyleSheets' in Document.prototype) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(styles);
    }
    if (!this.#root.firstChild) {
      if (sheet) this.#root.adoptedStyleSheets = [sheet];
      this.#root.innerHTML = `${sheet ? '' : `<style>${styles}</style>`}<div class="frame">
<header><p class="deck"></p><ul class="counts"></ul></header>
<div class="meter" role="progressbar" aria-valuemin="0"><span></span></div>
<div class="notice" hidden><span></span><button type="button" data-action="dismiss"></button></div>
<div class="stage"></div>
<div class="tools" hidden><button type="button" data-action="mode"></button>
<button type="button" data-action="export"></button><button type="button" data-action="import"></button>
<input type="file" accept=".json,application/json" hidden tabindex="-1"></div>
<div class="sr" role="status" aria-live="polite"></div></div>`;
      this.#render();
    }
    if (!this.#deck && this.#view === 'loading') this.#load();
  }

  disconnectedCallback() {
    clearTimeout(this.#timer);
    // Moved rather than removed when it is back by the next microtask; otherwise free the deck
    // (it loads again if the element is put back).
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#loadToken += 1;
      this.#close();
      this.#deck = null;
      this.#view = 'loading';
    });
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this.#root.firstChild) return;
    if (name === 'src' || name === 'storage-key') this.#load();
    else if (!this.#settle()) return;
    else if (name === 'new-per-day') { if (this.#deck) this.#refresh(); }
    else if (name === 'mode') this.#render();
    else if (name === 'lang') this.#render(true);
  }

  // --- loading -------------------------------------------------------------------------

  static #loadCore() {
    NoteQuizElement.#shared ??= (async () => {
      const source = NoteQuizElement.coreSource ?? {};
      const moduleUrl = source.moduleUrl && new URL(source.moduleUrl, import.meta.url).href;
      // The .wasm is fetched and compiled while a loader of the page's own downloads, not after it.
      const compiled = source.wasmBinary ? WebAssembly.compile(source.wasmBinary)
        : compileWasm(new URL(source.wasmUrl ?? 'notequiz_wasm.wasm', moduleUrl ?? import.meta.url).href);
      compiled.catch(() => {});
      const factory = source.factory ?? (moduleUrl ? (await import(moduleUrl)).default : createNotequiz);
      let fail;
      const failed = new Promise((_, reject) => { fail = reject; });
      const core = await Promise.race([failed, factory({
        // The loader resolves the .wasm's name against its own URL unless given locateFile, and a
        // data: URL cannot be a base; it never fetches it here.
        locateFile: (file) => file,
        instantiateWasm(imports, receive) {
          compiled.then((module) => WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module))).catch(fail);
          return {};
        },
      })]);
      performance.mark('note-quiz:core-ready');
      return core;
    })();
    NoteQuizElement.#shared.catch(() => { NoteQuizElement.#shared = null; });
    return NoteQuizElement.#shared;
  }

  async #load() {
    const token = ++this.#loadToken;
    clearTimeout(this.#timer);
    this.#deck = null;
    this.#view = 'loading';
    this.#render();
    try {
      if (document.readyState === 'loading') {
        await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
      }
      const loading = Promise.all([NoteQuizElement.#loadCore(), this.#readSource()]);
      // The first use of localStorage opens it, which takes milliseconds: done now, it overlaps
      // the downloads instead of delaying the first card (#openProgress reads the progress).
      try { void window.localStorage.length; } catch { /* unavailable: #openProgress says so */ }
      const [core, source] = await loading;
      if (token !== this.#loadToken) return;
      this.#close();
      this.#core = core;
      const { handle, deck, rest } = this.#openDeck(core, source);
      this.#handle = handle;
      this.#deck = deck;
      this.#rest = rest;
      this.#content = new Map();
      this.#cards = null;
      this.#baseUrl = source.baseUrl;
      this.#openProgress();
      this.#session = { reviewed: 0, remembered: 0, ratings: { again: 0, hard: 0, good: 0, easy: 0 } };
      this.#aheadDays = 0;
      this.#ended = false;
      this.#refresh();
      performance.mark('note-quiz:first-card', { detail: { deck: deck.id, cards: deck.cards.length } });
      if (rest) {
        // The rest once the first card is painted (a hidden page paints nothing: then by timer).
        const settle = () => token === this.#loadToken && this.#settle();
        requestAnimationFrame(() => setTimeout(settle));
        setTimeout(settle, 200);
      } else {
        this.#markDeckOpen();
      }
    } catch (error) {
      if (token !== this.#loadToken) return;
      this.#close();
      this.#view = 'error';
      this.#error = error?.message ?? String(error);
      this.#render();
    }
  }

  // The notes or deck: { kind: 'markdown' | 'json', body, baseUrl, name }.
  async #readSource() {
    const src = this.src;
    if (src) {
      const url = new URL(src, document.baseURI);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText} (${url.pathname})`);
      const json = /\.json$/i.test(url.pathname) || /json/.test(response.headers.get('content-type') ?? '');
      const name = decodeURIComponent(url.pathname.split('/').pop() ?? '');
      return json
        ? { kind: 'json', body: await response.text(), baseUrl: response.url || url.href, name }
        : { kind: 'markdown', body: new Uint8Array(await response.arrayBuffer()), baseUrl: response.url || url.href, name };
    }
    const script = this.querySelector(':scope > script[type="text/markdown"], :scope > script[type="application/json"]');
    if (!script) throw new Error('no src attribute and no <script type="text/markdown"> inside');
    const kind = script.type === 'application/json' ? 'json' : 'markdown';
    return { kind, body: kind === 'markdown' ? dedent(script.textContent) : script.textContent, baseUrl: document.baseURI, name: '' };
  }

  // Opens the deck in the core: { handle, deck, rest } with the deck's summary (cards without
  // content). Long notes that a learner starts afresh in review mode open their first part only,
  // when it has more questions than a day's new ones: the first card and the queue come from
  // those, and #settle opens the whole notes (`rest`) after the first card is on screen.
  #openDeck(core, source) {
    if (source.kind === 'markdown') {
      const options = JSON.stringify(source.name ? { sourcePath: source.name } : {});
      const cut = this.mode === 'review' && source.body instanceof Uint8Array ? firstPartEnd(source.body) : 0;
      if (cut) {
        const part = JSON.parse(core.openNotes(source.body.subarray(0, cut), options));
        if (part.deck.cards.length > this.newPerDay && !this.#saved(part.deck.id)) return { ...part, rest: { body: source.body, options } };
        core.closeDeck(part.handle);
      }
      return JSON.parse(core.openNotes(source.body, options));
    }
    let result = JSON.parse(core.openDeck(source.body));
    if (!result.ok) {
      // `notequiz parse --json` writes {"deck": ..., "diagnostics": [...]}: take its deck.
      const wrapped = JSON.parse(source.body);
      if (wrapped && typeof wrapped === 'object' && wrapped.deck) result = JSON.parse(core.openDeck(JSON.stringify(wrapped.deck)));
    }
    if (!result.ok) throw new Error(result.error);
    return result;
  }

  #close() {
    if (this.#handle) this.#core.closeDeck(this.#handle);
    this.#handle = 0;
    this.#rest = null;
  }

  // Where the progress on the deck `id` is stored.
  #keyOf(id) {
    return this.storageKey || `notequiz:v1:${id}`;
  }

  // Whether storage holds progress for the deck `id` (unreadable storage holds none).
  #saved(id) {
    try {
      return window.localStorage.getItem(this.#keyOf(id)) !== null;
    } catch {
      return false;
    }
  }

  // When the first card came from the notes' first part: opens the whole notes and moves onto
  // them. The screen stays as it is when the whole notes give the same deck, queue, counts and
  // card on screen, which is what showing a first card from a part is counting on; otherwise the
  // session starts over on the whole notes. Every action on the deck settles first, so no answer
  // is shown, and nothing graded, from a part. Returns whether the screen stayed as it was.
  #settle() {
    const rest = this.#rest;
    if (!rest) return true;
    this.#rest = null;
    const core = this.#core;
    const part = { handle: this.#handle, deck: this.#deck };
    const whole = JSON.parse(core.openNotes(rest.body, rest.options));
    const now = Date.now() + this.#aheadDays * day;
    const states = [part.handle, whole.handle].map((handle) => this.#call('deckSessionState', handle, now, this.#options()));
    const queue = ({ queue, counts, nextLearningDue }) => JSON.stringify([queue, counts, nextLearningDue]);
    const card = this.#card;
    const same = ['id', 'title', 'lang'].every((k) => part.deck[k] === whole.deck[k])
      && queue(states[0]) === queue(states[1])
      && (!card || core.deckCard(part.handle, card.id) === core.deckCard(whole.handle, card.id));
    core.closeDeck(part.handle);
    this.#handle = whole.handle;
    this.#deck = whole.deck;
    this.#content = new Map(card && same ? [[card.id, card]] : []);
    this.#cards = null;
    this.#markDeckOpen();
    if (same) {
      this.#stats = states[1].stats;
      return true;
    }
    if (part.deck.id !== whole.deck.id) this.#openProgress();
    this.#refresh();
    return false;
  }

  #markDeckOpen() {
    performance.mark('note-quiz:deck-open', { detail: { deck: this.#deck.id, cards: this.#deck.cards.length } });
  }

  // A card with its content, asked of the core the first time it is shown.
  #cardContent(id) {
    let card = this.#content.get(id);
    if (!card) {
      card = this.#call('deckCard', this.#handle, id).card;
      this.#content.set(id, card);
    }
    return card;
  }

  #allCards() {
    this.#cards ??= this.#deck.cards.map((c) => this.#cardContent(c.id));
    return this.#cards;
  }

  // --- progress storage ----------------------------------------------------------------

  #openProgress() {
    const core = this.#core;
    this.#key = this.#keyOf(this.#deck.id);
    this.#progress = '';
    this.#notice = '';
    let storage = null;
    try {
      storage = window.localStorage;
      const probe = `${this.#key}:probe`;
      storage.setItem(probe, '1');
      storage.removeItem(probe);
    } catch {
      storage = null;
    }
    this.#storage = storage;
    if (!storage) {
      this.#notice = this.#t('storageUnavailable');
      return;
    }
    const saved = storage.getItem(this.#key);
    if (saved === null) return;
    // The core keeps what it read; its own copy is asked for only when needed (#progressText).
    const read = JSON.parse(core.deckLoadProgress(this.#handle, saved));
    if (read.ok) {
      this.#progress = null;
      return;
    }
    // Someone else's or damaged data: keep it aside, untouched, and start afresh.
    const backup = `${this.#key}:backup:${Date.now()}`;
    try {
      storage.setItem(backup, saved);
      storage.removeItem(this.#key);
      this.#notice = this.#t('storageCorrupt', backup);
    } catch {
      this.#storage = null;
      this.#notice = this.#t('storageUnavailable');
    }
  }

  // The kept progress as the core writes it ('' before the first review). After a load the
  // core has it and writes it out only when asked: the text in storage may differ from its own
  // copy (the core drops what is not part of the format), and most loads never need it.
  #progressText() {
    this.#progress ??= JSON.stringify(this.#call('deckProgress', this.#handle).progress);
    return this.#progress;
  }

  #save() {
    if (!this.#storage) return;
    try {
      this.#storage.setItem(this.#key, this.#progress);
    } catch {
      this.#storage = null;
      this.#notice = this.#t('storageUnavailable');
    }
  }

  #options() {
    return JSON.stringify({ newPerDay: this.newPerDay, utcOffsetMinutes: -new Date().getTimezoneOffset() });
  }

  // --- the session ---------------------------------------------------------------------

  // Asks the core for the queue and moves to its first card (or the end screen).
  #refresh() {
    clearTimeout(this.#timer);
    const now = Date.now();
    const state = this.#call('deckSessionState', this.#handle, now + this.#aheadDays * day, this.#options());
    this.#queue = state.queue;
    this.#counts = state.counts;
    this.#stats = state.stats;
    this.#nextLearningDue = state.nextLearningDue;
    this.#card = null;
    this.#choice = null;
    this.#preview = null;
    if (!this.#deck.cards.length) {
      this.#view = 'error';
      this.#error = '';
      this.#render();
      return;
    }
    const id = this.#queue[0];
    this.#card = id === undefined ? null : this.#cardContent(id);
    if (!this.#card) {
      this.#view = 'end';
      this.#finish();
    } else if (this.#card.kind === 'flashcard') {
      this.#view = 'question';
      this.#shownAt = now;
    } else {
      this.#view = 'choice';
      this.#choice = { selected: new Set(), attempts: 0, firstCorrect: false, done: false, revealed: false };
    }
    this.#render(true);
  }

  // The header's counts after a grade, while the graded choice question stays on screen.
  #recount() {
    const state = this.#call('deckSessionState', this.#handle, Date.now() + this.#aheadDays * day, this.#options());
    this.#queue = state.queue.filter((id) => id !== this.#card.id);
    this.#counts = state.counts;
    this.#stats = state.stats;
  }

  #call(name, ...args) {
    const result = JSON.parse(this.#core[name](...args));
    if (!result.ok) throw new Error(`${name}: ${result.error}`);
    return result;
  }

  #grade(rating, correct) {
    const card = this.#card;
    const result = this.#call('deckGradeCard', this.#handle, card.id, rating, Date.now(), this.#options());
    this.#progress = JSON.stringify(result.progress);
    this.#save();
    this.#session.reviewed += 1;
    this.#session.ratings[rating] += 1;
    if (correct) this.#session.remembered += 1;
    this.#ended = false;
    this.dispatchEvent(new CustomEvent('note-quiz-graded', {
      bubbles: true, composed: true,
      detail: { cardId: card.id, title: card.title, rating, correct, due: result.next.due, state: result.next.state, deckId: this.#deck.id },
    }));
    return result.next;
  }

  #finish() {
    if (this.#session.reviewed === 0 || this.#ended) {
      this.#scheduleReturn();
      return;
    }
    this.#ended = true;
    const { reviewed, remembered, ratings: byRating } = this.#session;
    this.#announce(this.#t('endTitle'));
    this.#scheduleReturn();
    this.dispatchEvent(new CustomEvent('note-quiz-session-end', {
      bubbles: true, composed: true,
      detail: { deckId: this.#deck.id, reviewed, remembered, ratings: { ...byRating }, stats: this.#stats },
    }));
  }

  // Learning cards come back within minutes: look again when the first one is due.
  #scheduleReturn() {
    const due = this.#nextLearningDue;
    if (due === null || this.#aheadDays) return;
    const wait = due - Date.now();
    if (wait < 3600000) this.#timer = setTimeout(() => this.#view === 'end' && this.#refresh(), Math.max(wait, 0) + 250);
  }

  #studyAhead() {
    for (const days of [1, 7, 30]) {
      const state = this.#call('deckSessionState', this.#handle, Date.now() + days * day, this.#options());
      if (state.queue.length) {
        this.#aheadDays = days;
        this.#aheadNone = false;
        this.#refresh();
        return;
      }
    }
    this.#aheadNone = true;
    this.#announce(this.#t('aheadNone'));
    this.#render(true);
  }

  #show() {
    if (this.#view !== 'question') return;
    // The grade buttons' intervals, from when the card came up: only the answer shows them, so
    // the first card does not wait for them.
    this.#preview = this.#call('deckPreviewCard', this.#handle, this.#card.id, this.#shownAt, this.#options()).outcomes;
    this.#view = 'answer';
    this.#render(true);
  }

  #rate(rating) {
    if (this.#view !== 'answer') return;
    const next = this.#grade(rating, rating !== 'again');
    this.#announce(this.#t('graded', this.#t(rating), this.#interval(next.due - Date.now())));
    this.#refresh();
  }

  #toggle(index) {
    const choice = this.#choice;
    if (this.#view !== 'choice' || choice.done || index >= this.#card.options.length) return;
    if (this.#card.kind === 'single_choice') choice.selected = new Set([index]);
    else if (choice.selected.has(index)) choice.selected.delete(index);
    else choice.selected.add(index);
    for (const input of this.#root.querySelectorAll('.option input')) input.checked = choice.selected.has(Number(input.value));
  }

  #check() {
    const choice = this.#choice;
    if (this.#view !== 'choice' || choice.done || !choice.selected.size) return;
    const correct = this.#card.options.every((o, i) => o.correct === choice.selected.has(i));
    choice.attempts += 1;
    if (choice.attempts === 1) {
      choice.firstCorrect = correct;
      this.#grade(this.#core.choiceRating(correct), correct);
    }
    choice.done = correct;
    this.#recount();
    this.#announce(this.#t(correct ? 'right' : 'wrong'));
    this.#render(true);
  }

  #reveal() {
    const choice = this.#choice;
    if (this.#view !== 'choice' || choice.done) return;
    if (choice.attempts === 0) this.#grade(this.#core.choiceRating(false), false);
    choice.attempts = Math.max(choice.attempts, 1);
    choice.done = true;
    choice.revealed = true;
    this.#recount();
    this.#announce(this.#t('revealed'));
    this.#render(true);
  }

  // --- input ---------------------------------------------------------------------------

  #onClick(event) {
    const button = event.target.closest?.('[data-action]');
    if (!button || !this.#settle()) return;
    const action = button.dataset.action;
    if (action === 'show') this.#show();
    else if (action === 'grade') this.#rate(button.dataset.rating);
    else if (action === 'check') this.#check();
    else if (action === 'reveal') this.#reveal();
    else if (action === 'next') this.#refresh();
    else if (action === 'ahead') this.#studyAhead();
    else if (action === 'mode' || action === 'browse') this.mode = this.mode === 'browse' && action === 'mode' ? 'review' : 'browse';
    else if (action === 'export') this.#export();
    else if (action === 'import') this.#root.querySelector('input[type=file]').click();
    else if (action === 'dismiss') { this.#notice = ''; this.#render(); }
  }

  #onChange(event) {
    const target = event.target;
    if (!this.#settle()) return;
    if (target.type === 'file') {
      const file = target.files?.[0];
      target.value = '';
      if (file) file.text().then((text) => this.#import(text));
    } else if (target.closest?.('.option')) {
      const index = Number(target.value);
      if (this.#card.kind === 'single_choice' || target.checked !== this.#choice.selected.has(index)) this.#toggle(index);
    }
  }

  #onInput(event) {
    if (event.target.type !== 'search') return;
    this.#search = event.target.value;
    this.#filter();
  }

  #onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing || !this.#settle()) return;
    const target = event.composedPath()[0];
    if (target?.matches?.('input[type=search], input[type=text], textarea')) return;
    const onButton = Boolean(target?.matches?.('button, a, summary'));
    const key = event.key;
    const activate = (key === ' ' || key === 'Enter') && !onButton;
    let handled = true;
    if (this.#view === 'question' && activate) this.#show();
    else if (this.#view === 'answer' && key >= '1' && key <= '4' && key.length === 1) this.#rate(ratings[Number(key) - 1]);
    else if (this.#view === 'choice' && !this.#choice.done && key >= '1' && key <= '9' && key.length === 1) this.#toggle(Number(key) - 1);
    else if (this.#view === 'choice' && !this.#choice.done && key === 'Enter' && !onButton) this.#check();
    else if (this.#view === 'choice' && this.#choice.done && activate) this.#refresh();
    else handled = false;
    if (handled) event.preventDefault();
  }

  #export() {
    const text = JSON.stringify(this.progress, null, 2);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text + '\n'], { type: 'application/json' }));
    link.download = `${this.#deck.id}.progress.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  #import(text) {
    const current = this.#progressText() || this.#core.emptyProgress(this.#deck.id);
    const merged = JSON.parse(this.#core.mergeProgress(current, text, this.#options()));
    if (!merged.ok) {
      this.#announce(this.#t('importFailed', merged.error), true);
      return;
    }
    this.#progress = JSON.stringify(merged.progress);
    this.#call('deckLoadProgress', this.#handle, this.#progress);
    this.#save();
    this.#announce(this.#t('imported', merged.added), true);
    if (this.mode === 'review') this.#refresh();
  }

  // --- rendering -----------------------------------------------------------------------

  #t(name, ...args) {
    const table = strings[this.#language()] ?? strings.en;
    return (table[name] ?? strings.en[name]).replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
  }

  #language() {
    const lang = (this.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en').toLowerCase();
    return lang.startsWith('zh') ? 'zh' : 'en';
  }

  #interval(ms) {
    const minutes = Math.max(1, Math.round(ms / 60000));
    if (minutes < 60) return this.#t('minutes', minutes);
    if (minutes < 1440) return this.#t('hours', Math.round(minutes / 60));
    const days = Math.round(minutes / 1440);
    if (days < 31) return this.#t('days', days);
    if (days < 365) return this.#t('months', Math.round(days / 30.4));
    return this.#t('years', Math.round(days / 36.5) / 10);
  }

  #announce(text, visible = false) {
    const live = this.#root.querySelector('[role=status]');
    if (live) live.textContent = text;
    if (visible) {
      this.#notice = text;
      this.#render();
    }
  }

  // The core's sanitized HTML, parsed inert, with its relative URLs resolved against the notes.
  #fragment(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    for (const img of template.content.querySelectorAll('img[src]')) {
      img.setAttribute('src', new URL(img.getAttribute('src'), this.#baseUrl).href);
      img.setAttribute('loading', 'lazy');
    }
    for (const a of template.content.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href');
      if (href.startsWith('#')) continue;
      a.setAttribute('href', new URL(href, this.#baseUrl).href);
      a.setAttribute('target', '_blank');
      a.setAttribute('rel', 'noopener noreferrer');
    }
    return template.content;
  }

  #render(moveFocus = false) {
    const root = this.#root;
    if (!root.firstChild) return;
    const hadFocus = moveFocus && root.activeElement !== null;
    const deck = this.#deck;
    const browsing = this.mode === 'browse' && deck && this.#view !== 'error';
    root.querySelector('.deck').textContent = deck?.title ?? '';
    const counts = root.querySelector('.counts');
    counts.hidden = !deck || browsing;
    counts.innerHTML = ['new', 'learning', 'due']
      .map((k) => `<li><b>${this.#counts[k] ?? 0}</b> ${escapeHtml(this.#t(k))}</li>`).join('');
    const meter = root.querySelector('.meter');
    const done = this.#session.reviewed;
    const total = done + this.#queue.length;
    meter.hidden = counts.hidden;
    meter.setAttribute('aria-valuemax', String(total));
    meter.setAttribute('aria-valuenow', String(done));
    meter.setAttribute('aria-label', this.#t('sessionProgress', done, total));
    meter.firstElementChild.style.width = `${total ? (100 * done) / total : 0}%`;
    const notice = root.querySelector('.notice');
    notice.hidden = !this.#notice;
    notice.firstElementChild.textContent = this.#notice;
    notice.lastElementChild.textContent = this.#t('dismiss');
    const tools = root.querySelector('.tools');
    tools.hidden = !deck;
    const [modeButton, exportButton, importButton] = tools.querySelectorAll('button');
    modeButton.textContent = this.#t(this.mode === 'browse' ? 'review' : 'browse');
    exportButton.textContent = this.#t('exportProgress');
    importButton.textContent = this.#t('importProgress');

    const stage = root.querySelector('.stage');
    const view = browsing ? 'browse' : this.#view;
    if (view === 'browse' && stage.dataset.view === 'browse' && stage.dataset.deck === deck.id && !moveFocus) {
      this.#filter();
      return;
    }
    stage.replaceChildren(this.#fragment(this.#stageHtml(view)));
    stage.dataset.view = view;
    stage.dataset.deck = deck?.id ?? '';
    if (view === 'browse') this.#filter();
    if (hadFocus) root.querySelector('[data-focus]')?.focus();
  }

  #stageHtml(view) {
    const t = (name, ...args) => escapeHtml(this.#t(name, ...args));
    const deck = this.#deck;
    const card = this.#card;
    const lang = deck?.lang ? ` lang="${escapeHtml(deck.lang)}"` : '';
    if (view === 'loading') return `<p class="hint">${t('loading')}</p>`;
    if (view === 'error') return `<p role="alert">${this.#error ? t('loadFailed', this.#error) : t('noCards')}</p>`;
    if (view === 'browse') {
      const answer = (c) => (c.kind === 'flashcard' ? c.answerHtml || `<p>${t('noAnswer')}</p>`
        : `${c.promptHtml}<ul class="choices">${c.options.map((o) => `<li class="${o.correct ? 'right' : ''}"><span class="mark">${
          o.correct ? `✓<span class="sr">${t('rightOption')}</span>` : ''}</span><span class="body">${o.html}</span></li>`).join('')}</ul>${c.explanationHtml}`);
      const items = this.#allCards().map((c, i) => `<li data-index="${i}"><details><summary${lang}>${path(c)}${c.titleHtml || escapeHtml(c.title)}</summary>
<div class="content"${lang}>${answer(c)}</div></details></li>`);
      return `<input type="search" aria-label="${t('search')}" placeholder="${t('search')}" value="${escapeHtml(this.#search)}" data-focus>
<p class="hint matches" aria-live="polite"></p><ol class="list">${items.join('')}</ol>`;
    }
    if (view === 'end') {
      const s = this.#stats;
      const retention = s.retention === null ? '–' : `${Math.round(s.retention * 100)}%`;
      const stat = (label, value) => `<div><dt>${t(label)}</dt><dd>${value}</dd></div>`;
      const back = this.#nextLearningDue !== null && !this.#aheadDays
        ? `<p>${t('learningBack', new Date(this.#nextLearningDue).toLocaleTimeString(this.#language(), { hour: '2-digit', minute: '2-digit' }))}</p>` : '';
      return `<section class="end"><h3 tabindex="-1" data-focus>${this.#session.reviewed ? t('endTitle') : t('nothingDue')}</h3>
<dl class="stats">${stat('reviewed', this.#session.reviewed)}${stat('remembered', this.#session.remembered)}${stat('reviewsToday', s.reviewsToday)}${stat('streak', s.streakDays)}${stat('dueTomorrow', s.dueNext7Days[0])}${stat('retention', retention)}</dl>
${back}${this.#aheadNone ? `<p>${t('aheadNone')}</p>` : ''}<div class="row"><button type="button" class="primary" data-action="ahead">${t('studyAhead')}</button>
<button type="button" data-action="browse">${t('browse')}</button></div></section>`;
    }
    const head = `<p class="path"${lang}>${card.sectionPath.map(escapeHtml).join(' › ')}</p>
<h3 class="question" tabindex="-1"${lang}>${card.titleHtml || escapeHtml(card.title)}</h3>`;
    if (view === 'question' || view === 'answer') {
      const open = view === 'answer';
      const actions = open
        ? ratings.map((r, i) => `<button type="button" class="grade" data-action="grade" data-rating="${r}"${r === 'good' ? ' data-focus' : ''}>
<span>${t(r)} <kbd aria-hidden="true">${i + 1}</kbd></span><small>${escapeHtml(this.#interval(this.#preview[r].intervalMs))}</small></button>`).join('')
        : `<button type="button" class="primary wide" data-action="show" data-focus>${t('showAnswer')} <kbd aria-hidden="true">Space</kbd></button>`;
      return `<article class="card">${head}<div class="actions">${actions}</div><p class="hint">${t(open ? 'rateWith' : 'showWith')}</p>
<div class="answer content"${lang}${open ? '' : ' data-closed'}>${card.answerHtml || `<p>${t('noAnswer')}</p>`}</div></article>`;
    }
    // A choice question.
    const choice = this.#choice;
    const single = card.kind === 'single_choice';
    const keys = Math.min(card.options.length, 9);  // number keys pick the first nine options
    const options = card.options.map((o, i) => {
      const chosen = choice.selected.has(i);
      const state = choice.done ? (o.correct ? 'right' : chosen ? 'wrong' : '')
        : choice.attempts && chosen && !o.correct ? 'wrong' : '';
      const mark = state === 'right' ? `✓<span class="sr">${t('rightOption')}</span>` : state === 'wrong' ? `✗<span class="sr">${t('wrongOption')}</span>` : '';
      return `<label class="option ${state}"><input type="${single ? 'radio' : 'checkbox'}" name="${this.#uid}" value="${i}"${chosen ? ' checked' : ''}${choice.done ? ' disabled' : ''}${i === 0 && !choice.done ? ' data-focus' : ''}>
<span class="key" aria-hidden="true">${i < 9 ? i + 1 : ''}</span><span class="body"${lang}>${o.html}</span><span class="mark">${mark}</span></label>`;
    }).join('');
    const feedback = choice.done ? (choice.revealed ? ['', 'revealed'] : ['right', 'right']) : choice.attempts ? ['wrong', 'wrong'] : ['', ''];
    const actions = choice.done
      ? `<button type="button" class="primary wide" data-action="next" data-focus>${t('next')}</button>`
      : `<button type="button" class="primary ${choice.attempts ? 'half' : 'wide'}" data-action="check">${t('check')}</button>${
        choice.attempts ? `<button type="button" class="half" data-action="reveal">${t('reveal')}</button>` : ''}`;
    return `<article class="card">${head}${card.promptHtml ? `<div class="content"${lang}>${card.promptHtml}</div>` : ''}
<fieldset><legend>${t(single ? 'chooseOne' : 'chooseMany', keys > 1 ? `1–${keys}` : '1')}</legend>${options}</fieldset>
<div class="actions">${actions}</div><p class="feedback ${feedback[0]}">${feedback[1] ? t(feedback[1]) : ''}</p>
<div class="answer content"${lang}${choice.done && card.explanationHtml ? '' : ' data-closed'}>${card.explanationHtml}</div></article>`;
  }

  #filter() {
    const words = this.#search.toLowerCase().split(/\s+/).filter(Boolean);
    const items = this.#root.querySelectorAll('.list > li');
    let shown = 0;
    for (const item of items) {
      const c = this.#allCards()[Number(item.dataset.index)];
      const text = `${c.sectionPath.join(' ')} ${c.title} ${c.answerMarkdown}`.toLowerCase();
      item.hidden = !words.every((w) => text.includes(w));
      if (!item.hidden) shown += 1;
    }
    const matches = this.#root.querySelector('.matches');
    if (matches) matches.textContent = this.#t('matches', shown, items.length);
  }
}

async function compileWasm(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} (${new URL(url).pathname})`);
  // Streaming needs the server to send application/wasm; otherwise compile the bytes.
  if (/^application\/wasm\b/.test(response.headers.get('content-type') ?? '')) return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

// Where the first part of long notes ends: the start of the first line at or after `firstPart`
// bytes that reads as an ATX heading (`#` to `######`, then a space, a tab or the line's end),
// or 0 for notes too short to split. The part's cards can differ from the whole notes' where
// md4c reads that line otherwise (inside a fence: the part's last card, which is never in the
// queue, as #openDeck keeps a part only when it has more questions than the queue takes), or
// where a card refers to what comes after the cut (a link reference defined at the end);
// #settle compares what is on screen.
function firstPartEnd(bytes) {
  if (bytes.length < 4 * firstPart) return 0;
  for (let i = bytes.indexOf(10, firstPart - 1); i !== -1; i = bytes.indexOf(10, i + 1)) {
    let j = i + 1;
    while (j < bytes.length && j - i <= 6 && bytes[j] === 35) j += 1;
    const next = bytes[j];
    if (j > i + 1 && (next === 32 || next === 9 || next === 10 || next === 13)) return i + 1;
  }
  return 0;
}

function path(card) {
  return card.sectionPath.length ? `<span class="path">${card.sectionPath.map(escapeHtml).join(' › ')}</span>` : '';
}

// Inline notes are usually indented with the page's HTML; markdown must start at column 0.
function dedent(text) {
  const lines = text.replace(/^\s*\n/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)[0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}
