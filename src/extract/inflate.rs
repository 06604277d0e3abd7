//! gzip (RFC 1952) for Ignition file contents with `compression: gzip`: the member header is
//! read here, the DEFLATE data is inflated by `miniz_oxide`. Output is bounded: the inflater
//! writes into a buffer that grows to at most `limit + 1` bytes and stops when it is full, so a
//! compression bomb costs at most that much; any malformed input yields `None`.

use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};
use std::cell::Cell;

/// Header flags (RFC 1952 §2.3.1).
const FHCRC: u8 = 2;
const FEXTRA: u8 = 4;
const FNAME: u8 = 8;
const FCOMMENT: u8 = 16;

/// Why a gzip member gave no bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GzError {
    Malformed,
    /// More than the limit: inflation stopped there.
    TooLarge,
}

/// Raw DEFLATE data → bytes, at most `limit` of them. Bytes after the final block are ignored.
fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>, GzError> {
    // One byte over the limit tells "exactly `limit`" (accepted) from "more" (refused);
    // inflation stops there.
    let out = decompress_to_vec_with_limit(data, limit.checked_add(1).ok_or(GzError::Malformed)?)
        .map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => GzError::TooLarge,
        _ => GzError::Malformed,
    })?;
    if out.len() > limit {
        return Err(GzError::TooLarge);
    }
    Ok(out)
}

/// A gzip member → its decompressed bytes; `None` when it is malformed, truncated or longer
/// than `limit`.
pub fn gunzip(data: &[u8], limit: usize) -> Option<Vec<u8>> {
    gunzip_checked(data, limit).ok()
}

/// A gzip member → its decompressed bytes (header fields skipped, CRC-32 not checked, the
/// trailer's ISIZE compared with the output length as a cheap integrity check).
pub fn gunzip_checked(data: &[u8], limit: usize) -> Result<Vec<u8>, GzError> {
    use GzError::Malformed;
    if data.get(..3) != Some(&[0x1f, 0x8b, 8][..]) {
        return Err(Malformed);
    }
    let flags = *data.get(3).ok_or(Malformed)?;
    let mut pos = 10;
    if flags & FEXTRA != 0 {
        let x = data.get(pos..pos + 2).ok_or(Malformed)?;
        pos += 2 + usize::from(u16::from_le_bytes([x[0], x[1]]));
    }
    for bit in [FNAME, FCOMMENT] {
        if flags & bit != 0 {
            let rest = data.get(pos..).ok_or(Malformed)?;
            pos += rest.iter().position(|b| *b == 0).ok_or(Malformed)? + 1;
        }
    }
    if flags & FHCRC != 0 {
        pos += 2;
    }
    let out = inflate(data.get(pos..).ok_or(Malformed)?, limit)?;
    // ISIZE: the last four bytes, the uncompressed length modulo 2^32.
    let t = data
        .get(data.len().checked_sub(4).ok_or(Malformed)?..)
        .ok_or(Malformed)?;
    if u32::from_le_bytes([t[0], t[1], t[2], t[3]]) != out.len() as u32 {
        return Err(Malformed);
    }
    Ok(out)
}

/// Bytes decoded per scanned file (`data:` URLs and gzip, over all entries and every alias to
/// them): a 17 KB Butane file with 100 aliases to one gzip URL must not cost 100 inflations.
pub const MAX_DECODED_PER_FILE: usize = 2 * crate::limits::MAX_DECOMPRESSED_BYTES;

thread_local! {
    /// Bytes the file being linted may still decode, and whether it needed more.
    static DECODE_LEFT: Cell<(usize, bool)> = const { Cell::new((MAX_DECODED_PER_FILE, false)) };
}

/// Runs the extraction of one file with a fresh decoding budget (the file is linted on one
/// thread); true when some contents stayed unknown because the budget or the per-entry limit
/// ran out.
pub fn scoped<R>(f: impl FnOnce() -> R) -> (R, bool) {
    let saved = DECODE_LEFT.with(|c| c.replace((MAX_DECODED_PER_FILE, false)));
    let r = f();
    let (_, exhausted) = DECODE_LEFT.with(|c| c.replace(saved));
    (r, exhausted)
}

/// Bytes the file may still decode.
pub fn decode_left() -> usize {
    DECODE_LEFT.with(|c| c.get().0)
}

/// Spends `n` decoded bytes; false (and the file is marked) when they are not there.
pub fn spend_decoded(n: usize) -> bool {
    DECODE_LEFT.with(|c| {
        let (left, refused) = c.get();
        if n > left {
            c.set((0, true));
            false
        } else {
            c.set((left - n, refused));
            true
        }
    })
}

/// Marks the file: some decoded contents were too large to read.
pub fn decoding_refused() {
    DECODE_LEFT.with(|c| c.set((c.get().0, true)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;

    fn b64(s: &str) -> Vec<u8> {
        base64::engine::general_purpose::STANDARD.decode(s).unwrap()
    }

    #[test]
    fn fixed_stored_and_dynamic_blocks() {
        let fixed = gunzip(
            &b64("H4sIAAAAAAACAwt2DQpzDbJNySxOTMpJTeEKJsAHAJHBw2IwAAAA"),
            1 << 20,
        )
        .unwrap();
        assert_eq!(fixed, b"SERVER=disabled\n".repeat(3));
        assert_eq!(
            gunzip(&b64("H4sIAAAAAAAEAwEDAPz/YWJjwkEkNQMAAAA="), 1 << 20).unwrap(),
            b"abc"
        );
        let mut want = String::from("kernel.kptr_restrict = 0\n");
        for i in 0..200 {
            want.push_str(&format!("net.x.y{i} = {}\n", i * 7));
        }
        let dynamic = gunzip(&b64("H4sIAAAAAAACA03WPY6cOQyE4XxP4RMMRP2RCnyWDYwJDBuGMZ5g9/YmS+iqL6QAYx53N/Xqx/vHr/efbz9+f378+/H+5/Pj+7fPL1+/tH9+vX++/ff2f3sOloO/hp6Dzdc0cur2mmZN8ZpWTmO9pp3T7K/JazqvKXJa+zWdnPbgHy+KywIMNVacIMfKc+ixAh2CrETWSLIymRFljpksK5d1wqxkNkjrDZ8Fbd0w66PCZ7Wo66WzTV6fmOnr8Dl9Hb6gr8MX9HX4Dn29fL3RNxq+HfqGYaZvlK93fZn4Ngd9A9/noG+Ur0/6Rvn6om84ZvpG+fqmb8Dn9E34gr4JX9A34Tv0zfKNpp/bxEzfxC/O6JvlG52+6Zjpm+Ubg75ZvjHpWw2/YPqWYaZvlW9s+hZ8Tt+Cz7UQ8AV9C75D34Lv0LfKNxt9q3zT6NsNO0XfNsz07fLNQd8u35z07YmZvl2+ubSy2NlN38bWbvo2fE7fhi/oc/gOfQ7foc/Ltxp9Xr5l9PnETJ+Xb3X6vHxr6FJxzPQ57pVJn5dvLfqi4d6hLwwzfQGf0xfwBX0BX9AX8B36ony70ReOWdde+bbRF7j5On2n4Sak7xhm+k759qTvlG8v+s7ETN8p3970HficvgOf03fgC13M8J3H1XzvZl3ODbdz0/XciujqhbUyupJhbeJAl3QrpSsc1orpaoc1x4Hu6VZQV0GsldQfEbkVeWbkdkRSlMQfKUFL/BET1MQfOUFP4tETBCUeQUFR4lEUJCUeSUFTQk0xRCUUFUNVYj6Sh+YpK4auhLpiCEsoLIayhMpiSEsoLYa2hNpiiEsoLoa6HNXFkJejvBj6ctQXQ2BOf+QZfVZhDIk5SoyhMUeNMUTmKDKGyhxVxpCZo8wYOnPUGUNojkJjKM1RaQypOUqNoTX5A3+8JeY9kXXe94SCYyhO/uilRXPyRFxUJ/dAXnQnF0FglCc3QWK0J09ERn1yOWRe16wA2bpmfzyBrlkRsnXNypCta1aIDCXKJZIZLcotkhk1yjWSGT3KE5lRpPxHMqNJuVoyo0p5IjO6lNv2eLjdl5vSZPu+3RQn29esPNm+ZgXK/JqVKPNrVqQMlcr/lszoVO6lzChVnsiMVuWqyoxa5a4+npt+T2T2++JUsgzNyv2VGdXKBZYZ3coTmeOalS6La1a8LK5Z+bK4ZgXMULBcdJnRsDx5PJJhHsqYxX0nK2SGkuX2y4yW5YnMqFn+NGRGz/JGkBlFyxOZ0bS8JGQ+16ys2blmhc3ONcfjaX/NGbe/vKMtrBsNAAA="), 1 << 20).unwrap();
        assert_eq!(String::from_utf8(dynamic).unwrap(), want);
    }

    #[test]
    fn bombs_and_garbage_are_refused() {
        assert!(gunzip(&b64("H4sIAAAAAAACA03WPY6cOQyE4XxP4RMMRP2RCnyWDYwJDBuGMZ5g9/YmS+iqL6QAYx53N/Xqx/vHr/efbz9+f378+/H+5/Pj+7fPL1+/tH9+vX++/ff2f3sOloO/hp6Dzdc0cur2mmZN8ZpWTmO9pp3T7K/JazqvKXJa+zWdnPbgHy+KywIMNVacIMfKc+ixAh2CrETWSLIymRFljpksK5d1wqxkNkjrDZ8Fbd0w66PCZ7Wo66WzTV6fmOnr8Dl9Hb6gr8MX9HX4Dn29fL3RNxq+HfqGYaZvlK93fZn4Ngd9A9/noG+Ur0/6Rvn6om84ZvpG+fqmb8Dn9E34gr4JX9A34Tv0zfKNpp/bxEzfxC/O6JvlG52+6Zjpm+Ubg75ZvjHpWw2/YPqWYaZvlW9s+hZ8Tt+Cz7UQ8AV9C75D34Lv0LfKNxt9q3zT6NsNO0XfNsz07fLNQd8u35z07YmZvl2+ubSy2NlN38bWbvo2fE7fhi/oc/gOfQ7foc/Ltxp9Xr5l9PnETJ+Xb3X6vHxr6FJxzPQ57pVJn5dvLfqi4d6hLwwzfQGf0xfwBX0BX9AX8B36ony70ReOWdde+bbRF7j5On2n4Sak7xhm+k759qTvlG8v+s7ETN8p3970HficvgOf03fgC13M8J3H1XzvZl3ODbdz0/XciujqhbUyupJhbeJAl3QrpSsc1orpaoc1x4Hu6VZQV0GsldQfEbkVeWbkdkRSlMQfKUFL/BET1MQfOUFP4tETBCUeQUFR4lEUJCUeSUFTQk0xRCUUFUNVYj6Sh+YpK4auhLpiCEsoLIayhMpiSEsoLYa2hNpiiEsoLoa6HNXFkJejvBj6ctQXQ2BOf+QZfVZhDIk5SoyhMUeNMUTmKDKGyhxVxpCZo8wYOnPUGUNojkJjKM1RaQypOUqNoTX5A3+8JeY9kXXe94SCYyhO/uilRXPyRFxUJ/dAXnQnF0FglCc3QWK0J09ERn1yOWRe16wA2bpmfzyBrlkRsnXNypCta1aIDCXKJZIZLcotkhk1yjWSGT3KE5lRpPxHMqNJuVoyo0p5IjO6lNv2eLjdl5vSZPu+3RQn29esPNm+ZgXK/JqVKPNrVqQMlcr/lszoVO6lzChVnsiMVuWqyoxa5a4+npt+T2T2++JUsgzNyv2VGdXKBZYZ3coTmeOalS6La1a8LK5Z+bK4ZgXMULBcdJnRsDx5PJJhHsqYxX0nK2SGkuX2y4yW5YnMqFn+NGRGz/JGkBlFyxOZ0bS8JGQ+16ys2blmhc3ONcfjaX/NGbe/vKMtrBsNAAA="), 100).is_none());
        assert!(gunzip(b"\x1f\x8b\x08garbage", 100).is_none());
        assert!(gunzip(b"", 100).is_none());
    }

    /// A gzip member around raw DEFLATE `deflated` of `plain`, with the given header flags and
    /// their fields.
    fn member(flags: u8, deflated: &[u8], plain: &[u8]) -> Vec<u8> {
        let mut g = vec![0x1f, 0x8b, 8, flags, 0, 0, 0, 0, 0, 3];
        if flags & FEXTRA != 0 {
            g.extend_from_slice(&[3, 0, b'a', b'b', b'c']);
        }
        if flags & FNAME != 0 {
            g.extend_from_slice(b"name.txt\0");
        }
        if flags & FCOMMENT != 0 {
            g.extend_from_slice(b"a comment\0");
        }
        if flags & FHCRC != 0 {
            g.extend_from_slice(&[0xaa, 0xbb]);
        }
        g.extend_from_slice(deflated);
        g.extend_from_slice(&[0, 0, 0, 0]); // CRC-32: not checked
        g.extend_from_slice(&(plain.len() as u32).to_le_bytes());
        g
    }

    #[test]
    fn header_fields_are_skipped() {
        let plain = b"SERVER=disabled\n".repeat(40);
        let deflated = miniz_oxide::deflate::compress_to_vec(&plain, 6);
        for flags in [
            0,
            FEXTRA,
            FNAME,
            FCOMMENT,
            FHCRC,
            FEXTRA | FNAME | FCOMMENT | FHCRC,
        ] {
            assert_eq!(
                gunzip(&member(flags, &deflated, &plain), 1 << 20).unwrap(),
                plain
            );
        }
        // An unterminated name, a short extra field.
        assert!(gunzip(&[0x1f, 0x8b, 8, FNAME, 0, 0, 0, 0, 0, 3, b'x'], 100).is_none());
        assert!(gunzip(&[0x1f, 0x8b, 8, FEXTRA, 0, 0, 0, 0, 0, 3, 9], 100).is_none());
    }

    #[test]
    fn output_limit_is_inclusive_and_trailer_checked() {
        let plain = vec![b'x'; 1000];
        let deflated = miniz_oxide::deflate::compress_to_vec(&plain, 6);
        let g = member(0, &deflated, &plain);
        assert_eq!(gunzip(&g, 1000).unwrap().len(), 1000);
        assert!(gunzip(&g, 999).is_none());
        // Truncated DEFLATE data, a wrong ISIZE.
        assert!(gunzip(&g[..g.len() / 2], 1 << 20).is_none());
        let mut wrong = g.clone();
        let n = wrong.len();
        wrong[n - 4] ^= 1;
        assert!(gunzip(&wrong, 1 << 20).is_none());
    }

    #[test]
    fn bomb_stops_at_the_limit() {
        // 16 MiB of zeros compress a hundredfold at least; a 64 KiB limit refuses them.
        let plain = vec![0u8; 16 << 20];
        let deflated = miniz_oxide::deflate::compress_to_vec(&plain, 6);
        assert!(deflated.len() < plain.len() / 100);
        assert!(gunzip(&member(0, &deflated, &plain), 64 << 10).is_none());
    }
}
