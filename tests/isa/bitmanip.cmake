# Bit manipulation (Zba, Zbb, Zbs), Zicond with Zihintpause, and the Sdtrig
# triggers. Included by tests/isa/CMakeLists.txt.
#
# The -march given here follows the default one of rvtlm_add_guest, so it
# wins; -misa-spec=2.2 (from rvtlm_add_guest) keeps Zicsr inside "i".
# binutils 2.40 knows Zba/Zbb/Zbs/Zihintpause but not Zicond (zicond.S
# writes czero.* with .insn). The trigger test is built once per trigger
# type: 2 (mcontrol) and 6 (mcontrol6).

foreach(arch rv32 rv64)
  foreach(name zba zbb zbs zicond)
    rvtlm_isa_test(${name} SOURCE ${name}.S ARCHS ${arch}
                   FLAGS -march=${arch}imac_zba_zbb_zbs_zihintpause)
  endforeach()
  rvtlm_isa_test(trigger-mcontrol SOURCE trigger.S ARCHS ${arch}
                 FLAGS -DTRIGGER_TYPE=2)
  rvtlm_isa_test(trigger-mcontrol6 SOURCE trigger.S ARCHS ${arch}
                 FLAGS -DTRIGGER_TYPE=6)
endforeach()
