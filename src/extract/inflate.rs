//! A small, bounded gzip/DEFLATE decoder (RFC 1952 / RFC 1951) for Ignition file contents
//! with `compression: gzip`. Canonical-Huffman decoding in the style of zlib's `puff`: slow
//! but short and easy to check, which is fine for configuration files. Output is capped, so
//! a compression bomb costs at most `limit` bytes; any malformed input yields `None`.

struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
    buf: u32,
    cnt: u32,
}

impl Bits<'_> {
    fn bits(&mut self, n: u32) -> Option<u32> {
        let mut val = self.buf;
        while self.cnt < n {
            let b = u32::from(*self.data.get(self.pos)?);
            self.pos += 1;
            val |= b << self.cnt;
            self.cnt += 8;
        }
        self.buf = if n >= 32 { 0 } else { val >> n };
        self.cnt -= n;
        Some(val & ((1u32 << n) - 1))
    }
}

struct Huffman {
    count: [u16; 16],
    symbol: Vec<u16>,
}

/// Builds a canonical code from code lengths; `None` if over-subscribed.
fn huffman(lengths: &[u8]) -> Option<Huffman> {
    let mut count = [0u16; 16];
    for &l in lengths {
        count[usize::from(l)] += 1;
    }
    let mut left: i32 = 1;
    for &c in &count[1..] {
        left = (left << 1) - i32::from(c);
        if left < 0 {
            return None;
        }
    }
    let mut offs = [0u16; 16];
    for len in 1..15 {
        offs[len + 1] = offs[len] + count[len];
    }
    let mut symbol = vec![0u16; lengths.len()];
    for (sym, &l) in lengths.iter().enumerate() {
        if l != 0 {
            symbol[usize::from(offs[usize::from(l)])] = sym as u16;
            offs[usize::from(l)] += 1;
        }
    }
    Some(Huffman { count, symbol })
}

fn decode(b: &mut Bits, h: &Huffman) -> Option<u16> {
    let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
    for len in 1..16 {
        code |= b.bits(1)? as i32;
        let count = i32::from(h.count[len]);
        if code - first < count {
            return h.symbol.get((index + code - first) as usize).copied();
        }
        index += count;
        first = (first + count) << 1;
        code <<= 1;
    }
    None
}

const LBASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LEXT: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DBASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DEXT: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];

fn codes(
    b: &mut Bits,
    out: &mut Vec<u8>,
    lens: &Huffman,
    dists: &Huffman,
    limit: usize,
) -> Option<()> {
    loop {
        let sym = decode(b, lens)?;
        match sym {
            0..=255 => out.push(sym as u8),
            256 => return Some(()),
            _ => {
                let i = usize::from(sym - 257);
                let len = usize::from(*LBASE.get(i)?) + b.bits(u32::from(LEXT[i]))? as usize;
                let d = usize::from(decode(b, dists)?);
                let dist = usize::from(*DBASE.get(d)?) + b.bits(u32::from(DEXT[d]))? as usize;
                if dist > out.len() {
                    return None;
                }
                for _ in 0..len {
                    out.push(out[out.len() - dist]);
                }
            }
        }
        if out.len() > limit {
            return None;
        }
    }
}

/// Raw DEFLATE data → bytes, at most `limit` of them.
pub fn inflate(data: &[u8], limit: usize) -> Option<Vec<u8>> {
    let mut b = Bits {
        data,
        pos: 0,
        buf: 0,
        cnt: 0,
    };
    let mut out = Vec::new();
    loop {
        let last = b.bits(1)? == 1;
        match b.bits(2)? {
            0 => {
                // Stored: drop the partial byte, then LEN and its complement.
                b.buf = 0;
                b.cnt = 0;
                let hdr = data.get(b.pos..b.pos + 4)?;
                let len = usize::from(u16::from_le_bytes([hdr[0], hdr[1]]));
                let nlen = u16::from_le_bytes([hdr[2], hdr[3]]);
                if nlen != !(len as u16) {
                    return None;
                }
                b.pos += 4;
                out.extend_from_slice(data.get(b.pos..b.pos + len)?);
                b.pos += len;
            }
            1 => {
                let mut l = [0u8; 288];
                l[..144].fill(8);
                l[144..256].fill(9);
                l[256..280].fill(7);
                l[280..].fill(8);
                codes(
                    &mut b,
                    &mut out,
                    &huffman(&l)?,
                    &huffman(&[5u8; 30])?,
                    limit,
                )?;
            }
            2 => {
                let nlen = b.bits(5)? as usize + 257;
                let ndist = b.bits(5)? as usize + 1;
                let ncode = b.bits(4)? as usize + 4;
                if nlen > 286 || ndist > 30 {
                    return None;
                }
                const ORDER: [usize; 19] = [
                    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
                ];
                let mut cl = [0u8; 19];
                for &o in &ORDER[..ncode] {
                    cl[o] = b.bits(3)? as u8;
                }
                let clcode = huffman(&cl)?;
                let mut lengths = vec![0u8; nlen + ndist];
                let mut i = 0;
                while i < nlen + ndist {
                    let sym = decode(&mut b, &clcode)?;
                    let (val, rep) = match sym {
                        0..=15 => (sym as u8, 1),
                        16 => (*lengths.get(i.checked_sub(1)?)?, 3 + b.bits(2)? as usize),
                        17 => (0, 3 + b.bits(3)? as usize),
                        _ => (0, 11 + b.bits(7)? as usize),
                    };
                    if i + rep > nlen + ndist {
                        return None;
                    }
                    lengths[i..i + rep].fill(val);
                    i += rep;
                }
                let lens = huffman(&lengths[..nlen])?;
                let dists = huffman(&lengths[nlen..])?;
                codes(&mut b, &mut out, &lens, &dists, limit)?;
            }
            _ => return None,
        }
        if out.len() > limit {
            return None;
        }
        if last {
            return Some(out);
        }
    }
}

/// A gzip member → its decompressed bytes (header fields skipped, trailer length checked).
pub fn gunzip(data: &[u8], limit: usize) -> Option<Vec<u8>> {
    if data.get(..3)? != [0x1f, 0x8b, 8] {
        return None;
    }
    let flags = *data.get(3)?;
    let mut pos = 10;
    if flags & 4 != 0 {
        let x = data.get(pos..pos + 2)?;
        pos += 2 + usize::from(u16::from_le_bytes([x[0], x[1]]));
    }
    for bit in [8u8, 16] {
        if flags & bit != 0 {
            pos += data.get(pos..)?.iter().position(|b| *b == 0)? + 1;
        }
    }
    if flags & 2 != 0 {
        pos += 2;
    }
    let out = inflate(data.get(pos..)?, limit)?;
    // ISIZE: the uncompressed length modulo 2^32, as a cheap integrity check.
    let t = data.get(data.len().checked_sub(4)?..)?;
    (u32::from_le_bytes([t[0], t[1], t[2], t[3]]) == out.len() as u32).then_some(out)
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
}
