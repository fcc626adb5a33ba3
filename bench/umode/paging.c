/* Sv39 page tables for the user-mode benchmark build, built by machine mode
 * before it enters S-mode (bench/umode/start.S). Every region of
 * bench/umode/link.ld is mapped to itself with 4 KiB pages, so that every
 * user access goes through a leaf PTE of its own page and the simulator's
 * TLB is exercised as it would be under an operating system:
 *
 *   kernel text        R X      (S only)
 *   user text          R X U
 *   user constants     R   U
 *   user data .. stack R W U
 *
 * A and D are set in advance (D on writable pages only), so no access
 * faults for them whether the hart updates them or not (Privileged spec
 * 4.3.1, "Addressing and Memory Protection"). The tables come from the pool
 * that link.ld reserves in .kernel.bss, which no mapping covers. */
#include <stdint.h>

#define KERNEL_CODE __attribute__((section(".kernel.text")))

/* Privileged spec 4.4.1 (Sv39): PTE bits and the satp MODE value. */
#define PTE_V (1u << 0)
#define PTE_R (1u << 1)
#define PTE_W (1u << 2)
#define PTE_X (1u << 3)
#define PTE_U (1u << 4)
#define PTE_A (1u << 6)
#define PTE_D (1u << 7)
#define PTE_PPN_SHIFT 10
#define SATP_MODE_SV39 8ull
#define SATP_MODE_SHIFT 60

#define PAGE_SHIFT 12
#define PAGE_SIZE (1ull << PAGE_SHIFT)
#define TABLE_ENTRIES 512
#define LEVELS 3

extern char __kernel_text_start[], __kernel_text_end[];
extern char __user_text_start[], __user_text_end[];
extern char __user_rodata_start[], __user_rodata_end[];
extern char __user_data_start[], __user_data_end[];
extern uint64_t __page_table_pool[], __page_table_pool_end[];

typedef struct {
  uint64_t* next;
  uint64_t* end;
} TablePool;

KERNEL_CODE static uint64_t* table_alloc(TablePool* pool) {
  if (pool->next == pool->end) return 0;
  uint64_t* table = pool->next;
  pool->next += TABLE_ENTRIES;
  /* volatile: keeps the compiler from calling memset, which lives in the
   * user text; the start-up keeps to .kernel.text. */
  volatile uint64_t* entries = table;
  for (int i = 0; i < TABLE_ENTRIES; i++) entries[i] = 0;
  return table;
}

KERNEL_CODE static uint64_t pte_for(uint64_t pa, uint64_t flags) {
  return (pa >> PAGE_SHIFT) << PTE_PPN_SHIFT | flags;
}

/* Maps one 4 KiB page; returns 0 when the pool is exhausted or the page is
 * mapped already. */
KERNEL_CODE static int map_page(TablePool* pool, uint64_t* root, uint64_t va, uint64_t flags) {
  uint64_t* table = root;
  for (int level = LEVELS - 1; level > 0; level--) {
    uint64_t* pte = &table[(va >> (PAGE_SHIFT + 9 * level)) & (TABLE_ENTRIES - 1)];
    if ((*pte & PTE_V) == 0) {
      uint64_t* next = table_alloc(pool);
      if (next == 0) return 0;
      *pte = pte_for((uint64_t)(uintptr_t)next, PTE_V);
    }
    table = (uint64_t*)(uintptr_t)((*pte >> PTE_PPN_SHIFT) << PAGE_SHIFT);
  }
  uint64_t* leaf = &table[(va >> PAGE_SHIFT) & (TABLE_ENTRIES - 1)];
  if (*leaf & PTE_V) return 0;
  *leaf = pte_for(va, flags | PTE_V | PTE_A);
  return 1;
}

KERNEL_CODE static int map_range(TablePool* pool, uint64_t* root, const char* start,
                                 const char* end, uint64_t flags) {
  for (uint64_t va = (uintptr_t)start; va < (uintptr_t)end; va += PAGE_SIZE)
    if (!map_page(pool, root, va, flags)) return 0;
  return 1;
}

/* Returns the satp value that selects the new tables (ASID 0), or 0 when
 * they do not fit in the pool. */
KERNEL_CODE uint64_t umode_build_page_tables(void) {
  TablePool pool = {__page_table_pool, __page_table_pool_end};
  uint64_t* root = table_alloc(&pool);
  if (root == 0) return 0;
  if (!map_range(&pool, root, __kernel_text_start, __kernel_text_end, PTE_R | PTE_X) ||
      !map_range(&pool, root, __user_text_start, __user_text_end, PTE_R | PTE_X | PTE_U) ||
      !map_range(&pool, root, __user_rodata_start, __user_rodata_end, PTE_R | PTE_U) ||
      !map_range(&pool, root, __user_data_start, __user_data_end, PTE_R | PTE_W | PTE_U | PTE_D))
    return 0;
  return SATP_MODE_SV39 << SATP_MODE_SHIFT | (uint64_t)(uintptr_t)root >> PAGE_SHIFT;
}
