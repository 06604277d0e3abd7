//! Resource limits shared by reading and extraction. A leaf module: anything may use it.

/// Files above this size are reported and skipped.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Decompressed contents (Ignition `compression: gzip`) above this size are unknown: a
/// compression bomb costs at most this much memory.
pub const MAX_DECOMPRESSED_BYTES: usize = MAX_FILE_BYTES as usize;
