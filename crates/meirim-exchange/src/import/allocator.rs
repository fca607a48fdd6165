//! The spreadsheet worker's memory cap. Every allocation of a binary linking this crate
//! passes here. Until a worker arms the cap, allocations go straight to the system
//! allocator, so the app and the CLI pay one relaxed load each: the `cap` crate's shared
//! counters, updated by every allocation of every thread, made a 100 000-row import 2 s
//! slower and its cleaning on two cores no faster than on one. Armed (a worker, at its
//! start), `cap` refuses what passes the limit and the peak is kept here.
//!
//! Blocks made before arming and freed after are credited to the cap: it then allows
//! their few hundred bytes more. (`cap`'s own statistics would spin on that, so they are
//! not used.)
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering::Relaxed};

use cap::Cap;

static CAP: Cap<System> = Cap::new(System, usize::MAX);
static ARMED: AtomicBool = AtomicBool::new(false);
static NOW: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

struct Switched;

#[global_allocator]
static ALLOCATOR: Switched = Switched;

/// Limits this process's allocations from now on to `bytes` (a worker, once, first thing).
/// False if the limit could not be set (more is allocated already): it stays lifted.
pub(crate) fn arm(bytes: usize) -> bool {
    let set = CAP.set_limit(bytes).is_ok();
    ARMED.store(true, Relaxed);
    set
}

/// The most this process had allocated at once since it was armed.
pub(crate) fn peak() -> usize {
    usize::try_from(PEAK.load(Relaxed)).unwrap_or(0)
}

fn moved(bytes: isize) {
    let now = NOW.fetch_add(bytes, Relaxed).saturating_add(bytes);
    PEAK.fetch_max(now, Relaxed);
}

fn signed(n: usize) -> isize {
    isize::try_from(n).unwrap_or(isize::MAX)
}

// SAFETY (the whole impl): each call is passed unchanged to `System` or to `Cap<System>`,
// which itself passes it to `System`; a block is therefore always freed and resized by the
// allocator that made it, whichever way `ARMED` pointed, and the layouts are the caller's.
unsafe impl GlobalAlloc for Switched {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !ARMED.load(Relaxed) {
            return unsafe { System.alloc(layout) };
        }
        let block = unsafe { CAP.alloc(layout) };
        if !block.is_null() {
            moved(signed(layout.size()));
        }
        block
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if !ARMED.load(Relaxed) {
            return unsafe { System.alloc_zeroed(layout) };
        }
        let block = unsafe { CAP.alloc_zeroed(layout) };
        if !block.is_null() {
            moved(signed(layout.size()));
        }
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        if !ARMED.load(Relaxed) {
            return unsafe { System.dealloc(block, layout) };
        }
        unsafe { CAP.dealloc(block, layout) };
        moved(-signed(layout.size()));
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !ARMED.load(Relaxed) {
            return unsafe { System.realloc(block, layout, new_size) };
        }
        let grown = unsafe { CAP.realloc(block, layout, new_size) };
        if !grown.is_null() {
            moved(signed(new_size) - signed(layout.size()));
        }
        grown
    }
}
