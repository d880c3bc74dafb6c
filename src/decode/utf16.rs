//! UTF-16 code units (a JavaScript string's) to UTF-8.
//!
//! The WebAssembly bindings receive strings this way where the host copies UTF-16 faster than it
//! encodes UTF-8 (Node.js 20 encodes two-byte strings a character at a time). HTML is mostly
//! ASCII, so ASCII is narrowed sixteen units at a time (with WebAssembly SIMD where the module
//! is built with it), and the rest one character at a time.

const LANES: usize = 16;

/// The UTF-8 of `units`, with unpaired surrogates as U+FFFD, as `TextEncoder` does.
pub(crate) fn utf16_to_utf8(units: &[u16]) -> Vec<u8> {
    // One byte per unit is exact for ASCII; the buffer grows when other characters need more.
    let mut out = Vec::with_capacity(units.len());
    let mut read = 0;
    while read < units.len() {
        while let Some(bytes) = units.get(read..read + LANES).and_then(narrow_ascii) {
            out.extend_from_slice(&bytes);
            read += LANES;
        }
        // Up to sixteen units that hold a character beyond ASCII: one at a time, to past it.
        let stop = (read + LANES).min(units.len());
        while read < stop {
            let unit = units[read];
            if unit < 0x80 {
                out.push(unit as u8);
                read += 1;
                continue;
            }
            let (c, taken) = decode(unit, units.get(read + 1).copied());
            if out.capacity() - out.len() < 4 + (units.len() - read) {
                // Room for the rest if it were all ASCII, and an eighth more.
                let left = units.len() - read;
                out.reserve(4 + left + left / 8);
            }
            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            read += taken;
        }
    }
    out
}

/// The character at a unit that is not ASCII, given the unit after it, and how many units it
/// takes (two for a surrogate pair).
fn decode(unit: u16, next: Option<u16>) -> (char, usize) {
    if let (0xD800..=0xDBFF, Some(low @ 0xDC00..=0xDFFF)) = (unit, next) {
        let scalar = 0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
        return (char::from_u32(scalar).unwrap_or(char::REPLACEMENT_CHARACTER), 2);
    }
    // A lone surrogate is no character.
    (
        char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER),
        1,
    )
}

/// Sixteen ASCII units as bytes; `None` when one is not ASCII.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn narrow_ascii(units: &[u16]) -> Option<[u8; LANES]> {
    use core::arch::wasm32::{
        u16x8, u16x8_splat, u64x2_extract_lane, u8x16_narrow_i16x8, v128_and, v128_any_true, v128_or,
    };
    let f: &[u16; LANES] = units.try_into().ok()?;
    let low = u16x8(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
    let high = u16x8(f[8], f[9], f[10], f[11], f[12], f[13], f[14], f[15]);
    if v128_any_true(v128_and(v128_or(low, high), u16x8_splat(0xFF80))) {
        return None;
    }
    let bytes = u8x16_narrow_i16x8(low, high);
    let mut out = [0; LANES];
    out[..8].copy_from_slice(&u64x2_extract_lane::<0>(bytes).to_le_bytes());
    out[8..].copy_from_slice(&u64x2_extract_lane::<1>(bytes).to_le_bytes());
    Some(out)
}

/// Sixteen ASCII units as bytes; `None` when one is not ASCII.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn narrow_ascii(units: &[u16]) -> Option<[u8; LANES]> {
    if units.len() != LANES || units.iter().fold(0, |acc, &unit| acc | unit) >= 0x80 {
        return None;
    }
    let mut out = [0; LANES];
    for (byte, &unit) in out.iter_mut().zip(units) {
        *byte = unit as u8;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn utf16(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn ascii_and_beyond() {
        let page = format!("<p>{}Café — 東京 😀</p>{}", "a".repeat(40), "z".repeat(17));
        assert_eq!(utf16_to_utf8(&utf16(&page)), page.as_bytes());
        assert_eq!(utf16_to_utf8(&[]), b"");
    }

    #[test]
    fn text_that_grows_the_buffer() {
        // Every unit three bytes, and pairs across the sixteen-unit chunks.
        let page = "東".repeat(100) + &"😀".repeat(33) + "a";
        assert_eq!(utf16_to_utf8(&utf16(&page)), page.as_bytes());
    }

    #[test]
    fn unpaired_surrogates_become_replacement_characters() {
        // A high surrogate before ASCII, a low one alone, and a high one at the end.
        let units = [0xD800, b'a' as u16, 0xDC00, 0x00E9, 0xD83D];
        assert_eq!(utf16_to_utf8(&units), "\u{FFFD}a\u{FFFD}é\u{FFFD}".as_bytes());
    }

    proptest! {
        #[test]
        fn same_as_std_lossy(units in proptest::collection::vec(
            prop_oneof![8 => 0u16..0x80, 1 => 0x80u16..0x800, 1 => 0xD7F0u16..0xE010, 1 => any::<u16>()],
            0..300,
        )) {
            prop_assert_eq!(utf16_to_utf8(&units), String::from_utf16_lossy(&units).into_bytes());
        }
    }
}
