//! Resource limits shared by reading and extraction. A leaf module: anything may use it.

/// Files above this size are reported and skipped.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Decompressed contents (Ignition `compression: gzip`) above this size are unknown: a
/// compression bomb costs at most this much memory.
pub const MAX_DECOMPRESSED_BYTES: usize = MAX_FILE_BYTES as usize;

/// Findings reported per file; past this the file counts as not fully scanned (a hostile file
/// could otherwise flood the report: modules counted at every level gave 32,769).
pub const MAX_FINDINGS_PER_FILE: usize = 10_000;
