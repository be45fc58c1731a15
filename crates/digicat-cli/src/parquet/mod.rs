//! Parquet in and out: record batches read as rows ([`read`]), rows written as record batches
//! with the typed result columns ([`write`]).

pub mod read;
pub mod write;

/// The first (and last) four bytes of a Parquet file.
pub const MAGIC: &[u8] = b"PAR1";
