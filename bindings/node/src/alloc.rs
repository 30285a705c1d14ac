//! The addon's Rust allocator (Linux): payload-sized blocks are mapped with their pages
//! populated in one system call, and a few freed ones are kept for reuse.
//!
//! Why: an ECIES output handed to JS is freed only when V8 collects the `Buffer`, so
//! a call writes fresh memory. With the C allocator that memory is a new anonymous
//! mapping whose pages fault in one by one while the core copies the payload into it:
//! on a 10 MiB envelope that was about 2 560 page faults and ~5 ms of kernel time per
//! call (measured with `perf stat` / `process.cpuUsage()` on the 2-core VM of
//! scripts/compare-peers), as much as the encryption itself. Here:
//!
//! - a new block is populated in one call (`MAP_POPULATE`: ~1.3-3 ms of kernel time
//!   for 10 MiB there, no per-page trap). Transparent huge pages were tried and
//!   dropped: on that VM, zeroing fresh huge pages sometimes took 36 ms per 10 MiB.
//! - a freed block (a `Buffer` V8 collected, the input copy of an async call) is kept,
//!   up to [`CACHE_BLOCKS`] blocks and [`CACHE_BYTES`] in all, and handed out again
//!   for a request of the same size in pages (or a little less): no kernel work at
//!   all. Anything beyond is unmapped at once.
//!
//! Blocks below [`MAPPED_MIN`] (everything but payloads) go to the system allocator
//! unchanged.

#![allow(unsafe_code)] // a `GlobalAlloc` is unsafe by contract; the module is only this

use std::alloc::{GlobalAlloc, Layout, System};
use std::ptr;
use std::sync::Mutex;

/// Blocks of at least this size are mapped (populated) rather than taken from the heap.
pub(crate) const MAPPED_MIN: usize = 1 << 20;

/// At most this many freed blocks are kept for reuse...
const CACHE_BLOCKS: usize = 4;
/// ...holding at most this many bytes in all.
const CACHE_BYTES: usize = 48 << 20;

/// `mmap` returns page-aligned memory; a larger alignment goes to the system allocator.
const MAPPED_MAX_ALIGN: usize = 4096;

/// Page size for rounding (the kernel's unit of `mmap`/`munmap`).
const PAGE: usize = 4096;

/// The addon's allocator: [`System`], except for payload-sized blocks.
pub(crate) struct Allocator;

/// Freed mappings kept for reuse: (address, length in bytes, a multiple of [`PAGE`]).
/// Addresses are exposed (`expose_provenance`) so the list can live in a static.
static CACHE: Mutex<[Option<(usize, usize)>; CACHE_BLOCKS]> = Mutex::new([None; CACHE_BLOCKS]);

fn mapped(size: usize, align: usize) -> bool {
    size >= MAPPED_MIN && align <= MAPPED_MAX_ALIGN
}

/// The mapping length of a block of `size` bytes.
fn pages(size: usize) -> usize {
    size.next_multiple_of(PAGE)
}

/// A block of `len` bytes: a kept one of the same length in pages, or of up to 1/8
/// more (its excess unmapped), else a fresh mapping with its pages populated; null
/// when the kernel refuses.
fn take(len: usize) -> *mut u8 {
    let want = pages(len);
    if let Ok(mut cache) = CACHE.lock() {
        let fit = cache
            .iter_mut()
            .filter(|slot| matches!(slot, Some((_, l)) if *l >= want && *l - want <= want / 8))
            .min_by_key(|slot| slot.map_or(usize::MAX, |(_, l)| l));
        if let Some((addr, l)) = fit.and_then(Option::take) {
            drop(cache);
            let p: *mut u8 = ptr::with_exposed_provenance_mut(addr);
            if l > want {
                // SAFETY: the page-aligned tail of a kept mapping nobody uses.
                unsafe { libc::munmap(p.wrapping_add(want).cast(), l - want) };
            }
            return p;
        }
    }
    // SAFETY: a new anonymous mapping aliases nothing; the result is checked.
    let p = unsafe {
        libc::mmap(
            ptr::null_mut(),
            len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_POPULATE,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        ptr::null_mut()
    } else {
        p.cast()
    }
}

/// Frees the block `p` of `len` bytes: kept for reuse if there is room, else unmapped.
///
/// # Safety
/// `p` is a live block of `len` bytes from [`take`] (or resized by `mremap`), freed
/// once.
unsafe fn give_back(p: *mut u8, len: usize) {
    let l = pages(len);
    if let Ok(mut cache) = CACHE.lock() {
        let held: usize = cache.iter().flatten().map(|(_, l)| l).sum();
        if let Some(slot) = cache.iter_mut().find(|s| s.is_none())
            && held + l <= CACHE_BYTES
        {
            *slot = Some((p.expose_provenance(), l));
            return;
        }
    }
    // SAFETY: the whole mapping (the caller's guarantee).
    unsafe { libc::munmap(p.cast(), l) };
}

// SAFETY: every block is either the system allocator's (small or over-aligned: the
// same layout test routes its free, since `GlobalAlloc` passes the allocation's own
// layout back) or a whole mapping of `pages(layout.size())` bytes, page-aligned (so
// aligned for any `align <= 4096`), owned by exactly one of: its user, the cache.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if mapped(layout.size(), layout.align()) {
            take(layout.size())
        } else {
            // SAFETY: forwarded with the caller's guarantees.
            unsafe { System.alloc(layout) }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if mapped(layout.size(), layout.align()) {
            let p = take(layout.size());
            if !p.is_null() {
                // A kept block holds old bytes (a fresh one is zero: cheap to redo).
                // SAFETY: `p` is a block of at least `layout.size()` bytes.
                unsafe { ptr::write_bytes(p, 0, layout.size()) };
            }
            p
        } else {
            // SAFETY: forwarded with the caller's guarantees.
            unsafe { System.alloc_zeroed(layout) }
        }
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        if mapped(layout.size(), layout.align()) {
            // SAFETY: a block from `take` of this size (the caller's guarantees).
            unsafe { give_back(p, layout.size()) }
        } else {
            // SAFETY: forwarded with the caller's guarantees.
            unsafe { System.dealloc(p, layout) }
        }
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let align = layout.align();
        match (mapped(layout.size(), align), mapped(new_size, align)) {
            // SAFETY: forwarded with the caller's guarantees.
            (false, false) => unsafe { System.realloc(p, layout, new_size) },
            (true, true) => {
                // SAFETY: `p` is a whole mapping of `pages(layout.size())` bytes; the
                // kernel resizes or moves it, keeping its contents.
                let q = unsafe {
                    libc::mremap(
                        p.cast(),
                        pages(layout.size()),
                        pages(new_size),
                        libc::MREMAP_MAYMOVE,
                    )
                };
                if q == libc::MAP_FAILED {
                    ptr::null_mut()
                } else {
                    q.cast()
                }
            }
            _ => {
                // SAFETY: `new_size` is non-zero and, with `align`, a valid layout
                // (the caller's guarantees for `realloc`).
                let new = unsafe { Layout::from_size_align_unchecked(new_size, align) };
                // SAFETY: a non-zero-size layout.
                let q = unsafe { self.alloc(new) };
                if !q.is_null() {
                    // SAFETY: both blocks are live, distinct and at least this long.
                    unsafe {
                        ptr::copy_nonoverlapping(p, q, layout.size().min(new_size));
                        self.dealloc(p, layout);
                    }
                }
                q
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::MAPPED_MIN;

    #[test]
    fn payload_blocks_round_trip_through_every_transition() {
        // Small -> mapped -> larger mapped -> small, keeping the contents.
        let mut v: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
        v.reserve_exact(MAPPED_MIN);
        assert_eq!(v.len(), 4096);
        v.resize(3 * MAPPED_MIN, 7);
        assert!(
            v.iter()
                .take(4096)
                .copied()
                .eq((0..=255u8).cycle().take(4096))
        );
        assert!(v.iter().skip(4096).all(|&b| b == 7));
        v.truncate(100);
        v.shrink_to_fit();
        assert!(v.iter().copied().eq(0..100u8));
    }

    #[test]
    fn kept_blocks_are_reused_and_zeroed_when_asked() {
        for round in 0..20u8 {
            // Freed blocks of the same and of slightly smaller sizes come back from
            // the cache: still whole, zero when asked for zeroed memory.
            let len = 10 * MAPPED_MIN - usize::from(round) * 1000;
            let mut dirty = vec![round | 1; len];
            dirty[len - 1] = 0xee;
            assert!(dirty.iter().take(len - 1).all(|&b| b == round | 1));
            drop(dirty);
            let zero = vec![0u8; len];
            assert!(zero.iter().all(|&b| b == 0), "round {round}");
            let many: Vec<Vec<u8>> = (0..6).map(|i| vec![i; 2 * MAPPED_MIN + 1]).collect();
            for (i, b) in (0u8..).zip(&many) {
                assert!(b.iter().all(|&x| x == i));
            }
        }
    }
}
