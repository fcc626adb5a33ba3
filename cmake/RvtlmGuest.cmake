# Building bare-metal guest programs with Debian's riscv64-unknown-elf-gcc and
# picolibc. Every guest shares guest/common (start-up, linker script, console).
#
#   rvtlm_add_guest(<name> ARCH rv64|rv32 SOURCES <files...>
#                   [NO_RUNTIME] [MARCH <march>] [PLATFORM virt|mcu]
#                   [FLAGS <extra flags...>])
#
# builds ${CMAKE_CURRENT_BINARY_DIR}/<name>.elf and a target <name> (part of
# ALL). NO_RUNTIME links only the sources and the shared linker script (for
# assembly programs that bring their own _start); otherwise crt0, the console
# and picolibc are linked in. PLATFORM mcu links code into the mcu platform's
# flash and data into its SRAM (guest/common/link-mcu.ld); the default layout
# (link.ld) puts everything in RAM at 0x80000000 (virt, rvtlm-iss).

find_program(RVTLM_GUEST_CC riscv64-unknown-elf-gcc)
find_program(RVTLM_GUEST_OBJDUMP riscv64-unknown-elf-objdump)
# In the source tree guest/common sits next to cmake/; the installed
# package's config sets RVTLM_GUEST_DIR to its installed copy first.
if(NOT RVTLM_GUEST_DIR)
  set(RVTLM_GUEST_DIR ${CMAKE_CURRENT_LIST_DIR}/../guest/common)
endif()

function(rvtlm_add_guest name)
  cmake_parse_arguments(G "NO_RUNTIME" "ARCH;MARCH;PLATFORM" "SOURCES;FLAGS" ${ARGN})
  if(NOT RVTLM_GUEST_CC)
    message(FATAL_ERROR "riscv64-unknown-elf-gcc not found: run scripts/setup.sh")
  endif()
  if(G_ARCH STREQUAL "rv64")
    set(march rv64imac)
    set(mabi lp64)
  elseif(G_ARCH STREQUAL "rv32")
    set(march rv32imac)
    set(mabi ilp32)
  else()
    message(FATAL_ERROR "rvtlm_add_guest(${name}): ARCH must be rv64 or rv32")
  endif()
  if(G_MARCH)
    set(march ${G_MARCH})
  endif()
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${name}.elf)
  set(ldscript ${RVTLM_GUEST_DIR}/link.ld)
  if(G_PLATFORM STREQUAL "mcu")
    set(ldscript ${RVTLM_GUEST_DIR}/link-mcu.ld)
  elseif(G_PLATFORM AND NOT G_PLATFORM STREQUAL "virt")
    message(FATAL_ERROR "rvtlm_add_guest(${name}): PLATFORM must be virt or mcu")
  endif()
  set(srcs)
  set(headers)
  foreach(s ${G_SOURCES})
    get_filename_component(abs ${s} ABSOLUTE)
    list(APPEND srcs ${abs})
    # A change to a header beside a source (test macro headers) rebuilds the guest.
    get_filename_component(dir ${abs} DIRECTORY)
    file(GLOB dir_headers ${dir}/*.h)
    list(APPEND headers ${dir_headers})
  endforeach()
  list(REMOVE_DUPLICATES headers)
  # -misa-spec=2.2 keeps Zicsr/Zifencei inside "i" so that the picolibc
  # multilib for rv64imac/rv32imac is selected.
  set(flags -march=${march} -misa-spec=2.2 -mabi=${mabi} -mcmodel=medany -O2 -g
      -I${RVTLM_GUEST_DIR} -T ${ldscript} -Wl,--no-warn-rwx-segments)
  if(G_NO_RUNTIME)
    list(APPEND flags -nostdlib -nostartfiles)
    set(runtime)
  else()
    list(APPEND flags --specs=picolibc.specs -nostartfiles)
    set(runtime ${RVTLM_GUEST_DIR}/crt0.S ${RVTLM_GUEST_DIR}/runtime.c)
  endif()
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${RVTLM_GUEST_CC} ${flags} ${G_FLAGS} ${runtime} ${srcs} -o ${out}
    DEPENDS ${srcs} ${runtime} ${ldscript} ${RVTLM_GUEST_DIR}/guest.h ${headers}
    COMMENT "Guest ${name}.elf (${march})"
    VERBATIM)
  add_custom_target(${name} ALL DEPENDS ${out})
  set_target_properties(${name} PROPERTIES GUEST_ELF ${out})
endfunction()
