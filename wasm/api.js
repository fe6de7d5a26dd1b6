// The JS API of the module (docs/progress.md#webassembly-api), over the C functions of
// wasm/exports.cpp. Emscripten pastes this file into the factory (--post-js), where the
// exports (`_nq_*`) and the memory view (HEAPU8, replaced when memory grows) are in scope.
// Every string crosses as UTF-8: arguments are copied in, the result is decoded out.
var nqEncoder = new TextEncoder();
var nqDecoder = new TextDecoder();

// Calls `fn` with (pointer, length) for each string or byte argument and the other arguments as
// they are; returns the result string.
function nqCall(fn, args) {
  var owned = [];
  var flat = [];
  for (var i = 0; i < args.length; i++) {
    var a = args[i];
    if (typeof a === 'number' || typeof a === 'boolean') {
      flat.push(+a);
      continue;
    }
    var bytes = a instanceof Uint8Array ? a : a instanceof ArrayBuffer ? new Uint8Array(a) : nqEncoder.encode(String(a));
    var p = _nq_alloc(bytes.length);
    HEAPU8.set(bytes, p);
    owned.push(p);
    flat.push(p, bytes.length);
  }
  try {
    var out = fn.apply(null, flat);
    return nqDecoder.decode(HEAPU8.subarray(out, out + _nq_result_size()));
  } finally {
    owned.forEach(_nq_free);
  }
}

// `handle`: the first argument is a deck handle, always passed as a number (a string would
// otherwise cross as bytes and shift every other argument); anything not a handle gets an error.
function nqExport(name, fn, arity, handle) {
  Module[name] = function () {
    if (arguments.length !== arity) throw new TypeError(name + ' takes ' + arity + ' arguments, not ' + arguments.length);
    var args = Array.prototype.slice.call(arguments);
    if (handle) args[0] = typeof args[0] === 'number' ? args[0] : NaN;
    return nqCall(fn, args);
  };
}

nqExport('parseNotes', _nq_parse_notes, 2);
nqExport('readDeck', _nq_read_deck, 1);
nqExport('renderHtml', _nq_render_html, 1);
nqExport('version', _nq_version, 0);
nqExport('sessionState', _nq_session_state, 4);
nqExport('previewCard', _nq_preview_card, 5);
nqExport('gradeCard', _nq_grade_card, 6);
nqExport('parseProgress', _nq_parse_progress, 2);
nqExport('mergeProgress', _nq_merge_progress, 3);
nqExport('emptyProgress', _nq_empty_progress, 1);
nqExport('choiceRating', _nq_choice_rating, 1);
nqExport('openNotes', _nq_open_notes, 2);
nqExport('openDeck', _nq_open_deck, 1);
nqExport('closeDeck', _nq_close_deck, 1, true);
nqExport('deckCard', _nq_deck_card, 2, true);
nqExport('deckSetProgress', _nq_deck_set_progress, 2, true);
nqExport('deckSessionState', _nq_deck_session_state, 3, true);
nqExport('deckPreviewCard', _nq_deck_preview_card, 4, true);
nqExport('deckGradeCard', _nq_deck_grade_card, 5, true);
