//! USB sticks on Windows: the drive letters the system reports as removable, as Explorer
//! shows them. Volume enumeration (what sysinfo uses) misses letters that have no volume
//! GUID, such as some card readers and every drive under wine; the letters do not.
#![allow(unsafe_code)]

use windows_sys::Win32::Storage::FileSystem::{
    GetDiskFreeSpaceExW, GetDriveTypeW, GetLogicalDrives, GetVolumeInformationW,
};
use windows_sys::Win32::System::Diagnostics::Debug::{SetThreadErrorMode, SEM_FAILCRITICALERRORS};
use windows_sys::Win32::System::WindowsProgramming::DRIVE_REMOVABLE;

use crate::Drive;

/// The removable drives with a medium in them, by letter.
pub fn removable() -> Vec<Drive> {
    // An empty card-reader slot would otherwise make Windows show «There is no disk in the
    // drive» for each query; with this the query just fails and the slot is skipped.
    let mut old_mode = 0;
    // SAFETY: plain call; the pointer is to a live local.
    unsafe { SetThreadErrorMode(SEM_FAILCRITICALERRORS, &mut old_mode) };
    // SAFETY: no arguments.
    let mask = unsafe { GetLogicalDrives() };
    let drives = (0..26u8)
        .filter(|i| mask & (1 << i) != 0)
        .filter_map(|i| drive(char::from(b'A' + i)))
        .collect();
    // SAFETY: as above; restores what the thread had.
    unsafe { SetThreadErrorMode(old_mode, std::ptr::null_mut()) };
    drives
}

fn drive(letter: char) -> Option<Drive> {
    let root = format!("{letter}:\\");
    let wide: Vec<u16> = root.encode_utf16().chain(Some(0)).collect();
    // SAFETY: `wide` is a NUL-terminated UTF-16 string that outlives the call.
    if unsafe { GetDriveTypeW(wide.as_ptr()) } != DRIVE_REMOVABLE {
        return None;
    }
    let (mut free, mut total) = (0u64, 0u64);
    // SAFETY: `wide` as above; the out-pointers are to live locals; the last may be null.
    let has_medium =
        unsafe { GetDiskFreeSpaceExW(wide.as_ptr(), &mut free, &mut total, std::ptr::null_mut()) }
            != 0;
    if !has_medium {
        return None;
    }
    let mut label = [0u16; 261];
    // SAFETY: `wide` as above; `label` is a writable buffer of the length passed; the
    // other out-parameters are optional and null.
    let ok = unsafe {
        GetVolumeInformationW(
            wide.as_ptr(),
            label.as_mut_ptr(),
            label.len() as u32,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            0,
        )
    } != 0;
    let label = if ok {
        let end = label.iter().position(|&c| c == 0).unwrap_or(label.len());
        String::from_utf16_lossy(&label[..end]).trim().to_owned()
    } else {
        String::new()
    };
    Some(Drive {
        // «KINGSTON (E:)», as Explorer names it; a stick without a label is «E:».
        name: if label.is_empty() {
            format!("{letter}:")
        } else {
            format!("{label} ({letter}:)")
        },
        mount_point: root,
        free_bytes: free,
        total_bytes: total,
    })
}
