# F and D extension tests (tests/isa/fp_*.S, helpers in fp.h), included by
# tests/isa/CMakeLists.txt. Each test is built for rv32 and rv64 with F, D
# and C enabled (the default -mabi, ilp32 / lp64, suits assembly programs).

# rvtlm_fp_test(<name> <source> [FLAGS <gcc flags>])
function(rvtlm_fp_test name source)
  cmake_parse_arguments(F "" "" "FLAGS" ${ARGN})
  foreach(arch rv32 rv64)
    rvtlm_isa_test(${name} SOURCE ${source} ARCHS ${arch}
                   FLAGS -march=${arch}imafdc ${F_FLAGS})
    add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/isa-${arch}-${name}.elf APPEND
                       DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/fp.h)
  endforeach()
endfunction()

# One table of cases for both precisions: FP_D=0 single, FP_D=1 double.
foreach(area arith fma round cmp cvt)
  rvtlm_fp_test(fp-${area}-s fp_${area}.S FLAGS -DFP_D=0)
  rvtlm_fp_test(fp-${area}-d fp_${area}.S FLAGS -DFP_D=1)
endforeach()

foreach(area move ldst csr fs)
  rvtlm_fp_test(fp-${area} fp_${area}.S)
endforeach()
