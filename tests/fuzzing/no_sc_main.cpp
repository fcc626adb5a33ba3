// libsystemc's main() calls sc_main. The description fuzz target has
// libFuzzer's main() instead and builds no SystemC module, so this is never
// called; it only satisfies the library's reference.
#include <systemc>

int sc_main(int, char**) { return 1; }
