// pow, exp, exp2 and log for the WebAssembly module: the JS engine's Math computes them.
//
// The scheduler (core/src/session/fsrs.cpp) is the only caller. musl's versions bring lookup
// tables of doubles that gzip cannot shrink (pow's alone is 2 KB) and ~3 KB of code. The
// scheduler follows ts-fsrs, which runs on JavaScript's Math, and rounds every result to eight
// decimals, so the module computing with Math is, if anything, closer to the reference; native
// builds keep their C library's functions. tests/wasm/session.test.mjs holds the module to
// native code on a scripted session and to ts-fsrs on its reference vectors.
//
// These are plain definitions of the C functions: the link takes them instead of musl's. The file
// is compiled without link-time optimization (wasm/CMakeLists.txt), because calls to pow, exp and
// log are only emitted when LTO generates code, and by then it is too late to keep a definition
// that LTO saw no caller for.

// Imported from wasm/loader.js, which gives Math.pow, Math.exp and Math.log.
#define NQ_IMPORT(name) __attribute__((import_module("env"), import_name(#name)))
extern "C" {
NQ_IMPORT(nq_math_pow) double nq_math_pow(double x, double y);
NQ_IMPORT(nq_math_exp) double nq_math_exp(double x);
NQ_IMPORT(nq_math_log) double nq_math_log(double x);
}

extern "C" {
double pow(double x, double y) { return nq_math_pow(x, y); }
double exp(double x) { return nq_math_exp(x); }
double log(double x) { return nq_math_log(x); }
// The optimizer turns pow(2, x) into exp2(x).
double exp2(double x) { return nq_math_pow(2, x); }
}
