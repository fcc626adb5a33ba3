# Privileged-architecture tests (included by tests/isa/CMakeLists.txt): S and
# U modes, traps and delegation, S CSRs, interrupts, Sstc, virtual memory and
# PMP. Their harness is vm.h (on top of test.h).

# rvtlm_priv_test(<name> <rvtlm_isa_test arguments>): rvtlm_isa_test, plus
# vm.h as a dependency of the ELFs.
function(rvtlm_priv_test name)
  rvtlm_isa_test(${name} ${ARGN})
  cmake_parse_arguments(T "" "SOURCE" "ARCHS;ARGS;FLAGS" ${ARGN})
  if(NOT T_ARCHS)
    set(T_ARCHS rv32 rv64)
  endif()
  foreach(arch ${T_ARCHS})
    add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/isa-${arch}-${name}.elf APPEND
                       DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/vm.h)
  endforeach()
endfunction()

foreach(name priv-modes priv-csr priv-irq sstc pmp)
  rvtlm_priv_test(${name} SOURCE ${name}.S)
endforeach()

# A hart without PMP entries.
rvtlm_priv_test(pmp-none SOURCE pmp-none.S ARGS --pmp-entries 0)

# One source per translation scheme: Sv32 on RV32, Sv39 and Sv48 on RV64.
rvtlm_priv_test(vm-sv32 SOURCE vm.S ARCHS rv32)
rvtlm_priv_test(vm-sv39 SOURCE vm.S ARCHS rv64)
rvtlm_priv_test(vm-sv48 SOURCE vm.S ARCHS rv64 FLAGS -DVM_SV48)
rvtlm_priv_test(vm-asid-sv32 SOURCE vm-asid.S ARCHS rv32)
rvtlm_priv_test(vm-asid-sv39 SOURCE vm-asid.S ARCHS rv64)
rvtlm_priv_test(vm-asid-sv48 SOURCE vm-asid.S ARCHS rv64 FLAGS -DVM_SV48)

# A and D kept by software: missing bits raise page faults.
rvtlm_priv_test(vm-sv32-adfault SOURCE vm.S ARCHS rv32
                ARGS --ad-bits fault FLAGS -DVM_AD_FAULT=1)
rvtlm_priv_test(vm-sv39-adfault SOURCE vm.S ARCHS rv64
                ARGS --ad-bits fault FLAGS -DVM_AD_FAULT=1)
