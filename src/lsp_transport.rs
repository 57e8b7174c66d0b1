//! The language server's transport (JSON-RPC frames on standard input and
//! output), in the library rather than in the binary's `lsp` module so that
//! the fuzz targets reach its reader; the server uses it from here. The
//! files stay in `src/lsp/`, beside the server they serve.

#[path = "lsp/skim.rs"]
pub mod skim;
#[path = "lsp/transport.rs"]
pub mod transport;
