# Installation and the CMake package (find_package(rvtlm) -> rvtlm::iss).
