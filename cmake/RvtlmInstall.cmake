# Installation and the CMake package: after `cmake --install`, another
# project's `find_package(rvtlm REQUIRED)` gives rvtlm::iss (and rvtlm::tlm,
# rvtlm::models, rvtlm::platforms once those layers exist).
#
# Included at the end of the top-level CMakeLists.txt, when every target is
# defined. A new layer is one more name in the lists below; names of targets
# that do not exist (yet) are skipped.

include(CMakePackageConfigHelpers)

# Libraries installed and exported as rvtlm::<EXPORT_NAME>. A library's public
# headers are its source folder's include/ tree (e.g. iss/include/rvtlm/iss/).
# A static helper library linked by one of these must be listed here too:
# install(EXPORT) needs every project target in the link interface.
set(RVTLM_INSTALL_LIBRARIES
  rvtlm_elf
  rvtlm_support
  rvtlm_iss
  rvtlm_tlm
  rvtlm_debug_protocol
  rvtlm_debug
  rvtlm_models
  rvtlm_plugins
  rvtlm_platforms
)
# Programs installed to bin/.
set(RVTLM_INSTALL_PROGRAMS
  rvtlm-iss
  rvtlm
)

set(RVTLM_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/rvtlm)

set(_rvtlm_libraries)
set(_rvtlm_components)
foreach(lib IN LISTS RVTLM_INSTALL_LIBRARIES)
  if(NOT TARGET ${lib})
    continue()
  endif()
  list(APPEND _rvtlm_libraries ${lib})
  get_target_property(_export_name ${lib} EXPORT_NAME)
  if(NOT _export_name)
    set(_export_name ${lib})
  endif()
  list(APPEND _rvtlm_components ${_export_name})
  get_target_property(_source_dir ${lib} SOURCE_DIR)
  if(IS_DIRECTORY ${_source_dir}/include)
    install(DIRECTORY ${_source_dir}/include/
            DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
            COMPONENT rvtlm_development
            FILES_MATCHING PATTERN "*.h")
  endif()
endforeach()

set(_rvtlm_programs)
foreach(prog IN LISTS RVTLM_INSTALL_PROGRAMS)
  if(TARGET ${prog})
    list(APPEND _rvtlm_programs ${prog})
  endif()
endforeach()

if(_rvtlm_programs)
  install(TARGETS ${_rvtlm_programs}
          RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT rvtlm_runtime)
endif()

if(_rvtlm_libraries)
  install(TARGETS ${_rvtlm_libraries}
          EXPORT rvtlmTargets
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT rvtlm_development
          LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT rvtlm_runtime
          RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT rvtlm_runtime
          INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

  # Imported targets of other packages that appear in the libraries' link
  # interface (a static library carries even its PRIVATE dependencies as
  # $<LINK_ONLY:...>) must be recreated by the package config before a
  # component is used. Recognised: Threads::Threads, nlohmann_json and the
  # targets of pkg_check_modules(<prefix> ... IMPORTED_TARGET <module>).
  # Each component's own and inherited dependencies are written down, so
  # that find_package(rvtlm COMPONENTS iss) looks for none of the others'
  # (libelf, SystemC, nlohmann_json, libfdt).
  set(RVTLM_FIND_DEPENDENCIES "")
  set(_rvtlm_seen)
  foreach(lib IN LISTS _rvtlm_libraries)
    get_target_property(_component ${lib} EXPORT_NAME)
    get_target_property(_links ${lib} LINK_LIBRARIES)
    get_target_property(_ilinks ${lib} INTERFACE_LINK_LIBRARIES)
    set(_requires)
    set(_needs)
    foreach(dep IN LISTS _links _ilinks)
      if(dep MATCHES "BUILD_INTERFACE:")
        continue()
      endif()
      string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" dep "${dep}")
      if(dep IN_LIST _rvtlm_libraries)
        get_target_property(_other ${dep} EXPORT_NAME)
        list(APPEND _requires ${_other})
        continue()
      endif()
      if(dep MATCHES "(Threads::Threads|PkgConfig::[A-Za-z0-9_.+-]+|nlohmann_json::nlohmann_json)")
        set(dep ${CMAKE_MATCH_1})
      else()
        continue()
      endif()
      string(MAKE_C_IDENTIFIER ${dep} _key)
      list(APPEND _needs ${_key})
      if(_key IN_LIST _rvtlm_seen)
        continue()
      endif()
      list(APPEND _rvtlm_seen ${_key})
      if(dep STREQUAL "Threads::Threads")
        set(_code "find_dependency(Threads)")
      elseif(dep STREQUAL "nlohmann_json::nlohmann_json")
        set(_code "find_dependency(nlohmann_json 3)")
      else()
        string(REPLACE "PkgConfig::" "" _prefix ${dep})
        set(_module ${${_prefix}_MODULE_NAME})
        if(NOT _module)
          string(TOLOWER ${_prefix} _module)
        endif()
        set(_code "find_dependency(PkgConfig)\nif(NOT TARGET ${dep})\n"
                  "  pkg_check_modules(${_prefix} REQUIRED QUIET IMPORTED_TARGET ${_module})\nendif()")
        string(JOIN "" _code ${_code})
      endif()
      string(APPEND RVTLM_FIND_DEPENDENCIES "set(_rvtlm_find_${_key} [=[${_code}]=])\n")
    endforeach()
    list(REMOVE_DUPLICATES _requires)
    list(REMOVE_DUPLICATES _needs)
    string(APPEND RVTLM_FIND_DEPENDENCIES
           "set(_rvtlm_requires_${_component} \"${_requires}\")\n"
           "set(_rvtlm_needs_${_component} \"${_needs}\")\n")
  endforeach()

  string(REPLACE ";" " " RVTLM_COMPONENTS "${_rvtlm_components}")

  install(EXPORT rvtlmTargets
          NAMESPACE rvtlm::
          FILE rvtlmTargets.cmake
          DESTINATION ${RVTLM_INSTALL_CMAKEDIR}
          COMPONENT rvtlm_development)

  configure_package_config_file(
    ${CMAKE_CURRENT_LIST_DIR}/rvtlmConfig.cmake.in
    ${CMAKE_BINARY_DIR}/rvtlmConfig.cmake
    INSTALL_DESTINATION ${RVTLM_INSTALL_CMAKEDIR})
  # 0.x: a minor version may break the API.
  write_basic_package_version_file(
    ${CMAKE_BINARY_DIR}/rvtlmConfigVersion.cmake
    VERSION ${PROJECT_VERSION}
    COMPATIBILITY SameMinorVersion)
  install(FILES ${CMAKE_BINARY_DIR}/rvtlmConfig.cmake
                ${CMAKE_BINARY_DIR}/rvtlmConfigVersion.cmake
                ${PROJECT_SOURCE_DIR}/cmake/RvtlmGuest.cmake
          DESTINATION ${RVTLM_INSTALL_CMAKEDIR}
          COMPONENT rvtlm_development)
  # The guests' shared start-up code, linker scripts and console
  # (rvtlm_add_guest from the installed package links them).
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/guest/common/
          DESTINATION ${CMAKE_INSTALL_DATADIR}/rvtlm/guest/common
          COMPONENT rvtlm_development)
endif()

# install.consumer: install into a prefix inside the build tree, then build
# and run tests/consumer (a separate project using find_package(rvtlm))
# against it, with the same compiler and flags as this build.
if(RVTLM_BUILD_TESTS AND _rvtlm_libraries)
  add_test(NAME install.consumer
           COMMAND bash ${PROJECT_SOURCE_DIR}/tests/consumer/run.sh
                   ${CMAKE_COMMAND}
                   ${CMAKE_BINARY_DIR}
                   $<CONFIG>
                   ${CMAKE_BINARY_DIR}/consumer-prefix
                   ${CMAKE_BINARY_DIR}/consumer-build
                   -G ${CMAKE_GENERATOR}
                   -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}
                   "-DCMAKE_CXX_FLAGS=${CMAKE_CXX_FLAGS}"
                   "-DCMAKE_EXE_LINKER_FLAGS=${CMAKE_EXE_LINKER_FLAGS}")
  set_tests_properties(install.consumer PROPERTIES LABELS install TIMEOUT 300)
endif()
