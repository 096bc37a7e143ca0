/* SwiftPM names an executable's entry point `herald_fuzz_main`. In the fuzzing build (built with
   -DHERALD_FUZZING, no Swift @main), this entry point hands control to libFuzzer's driver with
   the Swift `LLVMFuzzerTestOneInput`. In normal builds the file is empty. */
#ifdef HERALD_FUZZING
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int herald_fuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
#endif
