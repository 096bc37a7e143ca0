/* The entry point of the fuzzing build of herald-fuzz (see fuzz_main.c). */
#ifndef CHERALDFUZZ_H
#define CHERALDFUZZ_H
#endif
