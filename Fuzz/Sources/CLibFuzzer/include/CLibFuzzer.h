#ifndef TICKLER_CLIBFUZZER_H
#define TICKLER_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (documented in "Using libFuzzer as a library"; in the runtime that
/// -sanitize=fuzzer links, without a header of its own).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
