//! SHA-256 digests of byte slices, computed by OpenSSL.

use std::os::raw::c_uchar;

/// The SHA-256 digest of `data`.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    // SAFETY: `data` is valid for `data.len()` bytes and `out` holds 32 bytes.
    unsafe {
        openssl_sys::SHA256(data.as_ptr() as *const c_uchar, data.len(), out.as_mut_ptr());
    }
    out
}

/// Lower-case hexadecimal form of a digest.
pub fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_input() {
        assert_eq!(
            hex(&sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
