//! Text phrases of boilerplate blocks, in English, German, French and Spanish.
//!
//! A small block (a paragraph, a box, a heading) is judged by its text at its end: when its text
//! is mostly prompt phrases ("Subscribe now", "Already a subscriber?", "© 2026 … All rights
//! reserved"), it goes. Phrases inside quotation marks do not count, so an article that quotes a
//! prompt keeps it.

use crate::options::Category;
use std::sync::OnceLock;

/// Blocks with more text than this are never judged by phrases.
pub(crate) const MAX_JUDGED_TEXT: usize = 1500;

/// (phrase, category). Phrases of one word (but `©`) only count towards coverage, never towards
/// the number of distinct prompt phrases.
const PHRASES: &[(&str, Category)] = {
    use Category::*;
    &[
        // Paywall (en)
        ("subscribe now", Paywall),
        ("subscribe today", Paywall),
        ("subscribe to continue", Paywall),
        ("subscribe to read", Paywall),
        ("subscribe for", Paywall),
        ("subscribers only", Paywall),
        ("for subscribers", Paywall),
        ("already a subscriber", Paywall),
        ("already subscribed", Paywall),
        ("become a subscriber", Paywall),
        ("become a member", Paywall),
        ("unlimited access", Paywall),
        ("unlimited digital access", Paywall),
        ("to continue reading", Paywall),
        ("continue reading with", Paywall),
        ("read the full article", Paywall),
        ("read the full story", Paywall),
        ("this article is for", Paywall),
        ("this content is for", Paywall),
        ("exclusive to subscribers", Paywall),
        ("subscriber exclusive", Paywall),
        ("premium content", Paywall),
        ("premium article", Paywall),
        ("sign in to continue", Paywall),
        ("log in to continue", Paywall),
        ("login to continue", Paywall),
        ("create a free account", Paywall),
        ("register to continue", Paywall),
        ("free trial", Paywall),
        ("start your trial", Paywall),
        ("cancel any time", Paywall),
        ("cancel anytime", Paywall),
        ("per month", Paywall),
        ("per week", Paywall),
        ("first month", Paywall),
        ("for four weeks", Paywall),
        ("for 4 weeks", Paywall),
        ("you have reached", Paywall),
        ("free articles", Paywall),
        ("articles remaining", Paywall),
        ("article limit", Paywall),
        ("your free article", Paywall),
        ("support our journalism", Paywall),
        ("support independent journalism", Paywall),
        ("all major cards accepted", Paywall),
        ("no commitments", Paywall),
        ("no commitment", Paywall),
        ("billed annually", Paywall),
        ("special offer", Paywall),
        ("limited time offer", Paywall),
        ("unlock this article", Paywall),
        ("unlock full access", Paywall),
        ("get full access", Paywall),
        ("digital subscription", Paywall),
        ("subscription", Paywall),
        ("subscribe", Paywall),
        ("subscriber", Paywall),
        // Paywall (de, fr, es)
        ("jetzt abonnieren", Paywall),
        ("abonnieren sie", Paywall),
        ("bereits abonnent", Paywall),
        ("schon abonnent", Paywall),
        ("weiterlesen mit", Paywall),
        ("jetzt weiterlesen", Paywall),
        ("zugang zu allen", Paywall),
        ("monatlich kündbar", Paywall),
        ("jederzeit kündbar", Paywall),
        ("kostenlos testen", Paywall),
        ("gratis testen", Paywall),
        ("abonnez-vous", Paywall),
        ("s'abonner", Paywall),
        ("déjà abonné", Paywall),
        ("réservé aux abonnés", Paywall),
        ("article réservé", Paywall),
        ("accès illimité", Paywall),
        ("sans engagement", Paywall),
        ("essai gratuit", Paywall),
        ("suscríbete", Paywall),
        ("ya eres suscriptor", Paywall),
        ("ya soy suscriptor", Paywall),
        ("exclusivo para suscriptores", Paywall),
        ("sigue leyendo", Paywall),
        ("seguir leyendo", Paywall),
        ("acceso ilimitado", Paywall),
        ("prueba gratis", Paywall),
        ("cancela cuando quieras", Paywall),
        // A forum's chrome: who posted (join date, post count) and where to go next
        ("member since", Sidebar),
        ("join date", Sidebar),
        ("reaction score", Sidebar),
        ("trophy points", Sidebar),
        ("joined", Sidebar),
        ("messages", Sidebar),
        ("posts", Sidebar),
        ("jump to", Navigation),
        ("posting rules", Navigation),
        ("previous thread", Navigation),
        ("next thread", Navigation),
        ("similar threads", Related),
        ("log in or register to reply", Comments),
        // A form's status messages, shown after it is sent (site builders write them into
        // every page with a form, hidden by their style sheet)
        ("your submission has been received", NonContent),
        ("something went wrong while submitting", NonContent),
        // Consent
        ("we use cookies", Consent),
        ("this site uses cookies", Consent),
        ("this website uses cookies", Consent),
        ("use of cookies", Consent),
        ("accept cookies", Consent),
        ("accept all", Consent),
        ("cookie policy", Consent),
        ("cookie settings", Consent),
        ("manage cookies", Consent),
        ("manage preferences", Consent),
        ("privacy settings", Consent),
        ("your privacy choices", Consent),
        ("by continuing to use", Consent),
        ("you agree to our", Consent),
        ("reject all", Consent),
        ("necessary cookies", Consent),
        ("cookies", Consent),
        ("consent", Consent),
        ("wir verwenden cookies", Consent),
        ("diese website verwendet cookies", Consent),
        ("cookies akzeptieren", Consent),
        ("alle akzeptieren", Consent),
        ("nous utilisons des cookies", Consent),
        ("ce site utilise des cookies", Consent),
        ("accepter les cookies", Consent),
        ("tout accepter", Consent),
        ("utilizamos cookies", Consent),
        ("usamos cookies", Consent),
        ("este sitio utiliza cookies", Consent),
        ("aceptar cookies", Consent),
        ("aceptar todo", Consent),
        ("política de cookies", Consent),
        // Newsletter and app prompts
        ("sign up for our newsletter", Newsletter),
        ("subscribe to our newsletter", Newsletter),
        ("sign up for", Newsletter),
        ("sign up", Newsletter),
        ("get the latest", Newsletter),
        ("delivered to your inbox", Newsletter),
        ("in your inbox", Newsletter),
        ("straight to your inbox", Newsletter),
        ("enter your email", Newsletter),
        ("your email address", Newsletter),
        ("email address", Newsletter),
        ("daily briefing", Newsletter),
        ("never miss", Newsletter),
        ("download the app", Newsletter),
        ("download our app", Newsletter),
        ("get the app", Newsletter),
        ("mobile app", Newsletter),
        ("our app", Newsletter),
        ("app store", Newsletter),
        ("google play", Newsletter),
        ("turn on notifications", Newsletter),
        ("enable notifications", Newsletter),
        ("newsletter", Newsletter),
        ("newsletter abonnieren", Newsletter),
        ("zum newsletter anmelden", Newsletter),
        ("melden sie sich", Newsletter),
        ("inscrivez-vous", Newsletter),
        ("lettre d'information", Newsletter),
        ("recevez notre newsletter", Newsletter),
        ("boletín", Newsletter),
        ("recibe nuestro", Newsletter),
        // Share
        ("share this article", Share),
        ("share this story", Share),
        ("share on facebook", Share),
        ("share on twitter", Share),
        ("share on x", Share),
        ("share via", Share),
        ("copy link", Share),
        ("follow us", Share),
        ("email this", Share),
        ("print this", Share),
        ("share", Share),
        ("tweet", Share),
        ("facebook", Share),
        ("twitter", Share),
        ("linkedin", Share),
        ("whatsapp", Share),
        ("pinterest", Share),
        ("reddit", Share),
        ("artikel teilen", Share),
        ("teilen", Share),
        ("partager", Share),
        ("partagez cet article", Share),
        ("compartir", Share),
        ("comparte esta noticia", Share),
        // Related
        ("related articles", Related),
        ("related stories", Related),
        ("related posts", Related),
        ("related content", Related),
        ("you may also like", Related),
        ("you might also like", Related),
        ("more from", Related),
        ("recommended for you", Related),
        ("read more", Related),
        ("read next", Related),
        ("most popular", Related),
        ("most read", Related),
        ("trending now", Related),
        ("more stories", Related),
        ("also read", Related),
        ("don't miss", Related),
        ("recommended stories", Related),
        ("around the web", Related),
        ("promoted stories", Related),
        ("related", Related),
        ("das könnte sie auch interessieren", Related),
        ("mehr zum thema", Related),
        ("weitere artikel", Related),
        ("à lire aussi", Related),
        ("lire aussi", Related),
        ("lire la suite", Related),
        ("sur le même sujet", Related),
        ("noticias relacionadas", Related),
        ("te puede interesar", Related),
        ("lo más leído", Related),
        // Comments
        ("leave a comment", Comments),
        ("leave a reply", Comments),
        ("post a comment", Comments),
        ("add a comment", Comments),
        ("join the conversation", Comments),
        ("join the discussion", Comments),
        ("show comments", Comments),
        ("view comments", Comments),
        ("log in to comment", Comments),
        ("comment policy", Comments),
        ("comments", Comments),
        ("kommentare", Comments),
        ("commentaires", Comments),
        ("comentarios", Comments),
        // Ads
        ("advertisement", Ads),
        ("sponsored content", Ads),
        ("paid content", Ads),
        ("paid post", Ads),
        ("ad choices", Ads),
        ("adchoices", Ads),
        ("story continues below", Ads),
        ("article continues below", Ads),
        ("continue reading below", Ads),
        ("sponsored", Ads),
        ("anzeige", Ads),
        ("publicité", Ads),
        ("publicidad", Ads),
        // Footer and legal
        ("all rights reserved", Footer),
        ("no part of this", Footer),
        ("may be reproduced", Footer),
        ("may not be reproduced", Footer),
        ("without prior written permission", Footer),
        ("without the prior written", Footer),
        ("privacy policy", Footer),
        ("terms of use", Footer),
        ("terms of service", Footer),
        ("terms and conditions", Footer),
        ("contact us", Footer),
        ("about us", Footer),
        ("©", Footer),
        ("copyright", Footer),
        ("alle rechte vorbehalten", Footer),
        ("datenschutzerklärung", Footer),
        ("nutzungsbedingungen", Footer),
        ("impressum", Footer),
        ("tous droits réservés", Footer),
        ("politique de confidentialité", Footer),
        ("mentions légales", Footer),
        ("todos los derechos reservados", Footer),
        ("política de privacidad", Footer),
        ("aviso legal", Footer),
    ]
};

/// The phrase table indexed for word-by-word matching: by the hash of each phrase's first
/// word, the phrases that start with it (longest first).
struct Matcher {
    by_first_word: FirstWords,
    /// (phrase index, the phrase's words hashed as [`word_hash`] hashes a text's words).
    entries: Vec<(usize, Vec<u64>)>,
}

/// Entries by first-word hash: an open-addressing table (linear probing, at most a quarter
/// full), as every word of every judged text is looked up here and almost none is found.
struct FirstWords {
    /// (first-word hash, range in `candidates`); an empty range is a free slot.
    slots: Vec<(u64, u32, u32)>,
    /// Indexes into [`Matcher::entries`], grouped by first word.
    candidates: Vec<usize>,
}

impl FirstWords {
    fn new(groups: Vec<(u64, Vec<usize>)>) -> FirstWords {
        let size = (groups.len() * 4).next_power_of_two();
        let mut table = FirstWords {
            slots: vec![(0, 0, 0); size],
            candidates: Vec::new(),
        };
        for (hash, entries) in groups {
            let range = (table.candidates.len() as u32, entries.len() as u32);
            table.candidates.extend(entries);
            let mut slot = table.slot(hash);
            while table.slots[slot].2 != 0 {
                slot = (slot + 1) & (size - 1);
            }
            table.slots[slot] = (hash, range.0, range.1);
        }
        table
    }

    fn slot(&self, hash: u64) -> usize {
        ((hash ^ (hash >> 32)) as usize) & (self.slots.len() - 1)
    }

    /// The entries whose phrase starts with the word of `hash`.
    fn get(&self, hash: u64) -> Option<&[usize]> {
        let mut slot = self.slot(hash);
        loop {
            let (key, start, len) = self.slots[slot];
            if len == 0 {
                return None;
            }
            if key == hash {
                return self.candidates.get(start as usize..(start + len) as usize);
            }
            slot = (slot + 1) & (self.slots.len() - 1);
        }
    }
}

fn matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let hashes = |phrase: &str| {
            phrase
                .split(' ')
                .map(|w| word_hash(w).unwrap_or(0))
                .collect::<Vec<u64>>()
        };
        let mut entries = Vec::new();
        for (index, (phrase, _)) in PHRASES.iter().enumerate() {
            entries.push((index, hashes(phrase)));
            let mut chars = phrase.chars();
            if let Some(first) = chars.next().filter(|c| !c.is_ascii()) {
                let capitalised: String = first.to_uppercase().chain(chars).collect();
                entries.push((index, hashes(&capitalised)));
            }
        }
        let mut groups: Vec<(u64, Vec<usize>)> = Vec::new();
        for (entry, (_, words)) in entries.iter().enumerate() {
            match groups.iter_mut().find(|(hash, _)| *hash == words[0]) {
                Some((_, group)) => group.push(entry),
                None => groups.push((words[0], vec![entry])),
            }
        }
        for (_, group) in &mut groups {
            group.sort_by_key(|&e| std::cmp::Reverse(entries[e].1.len()));
        }
        Matcher {
            by_first_word: FirstWords::new(groups),
            entries,
        }
    })
}

/// The hash of a word with ASCII letters lower-cased and typographic apostrophes as plain ones;
/// `None` for words longer than any phrase word. Other letters keep their case: lower-casing
/// every character cost more than all the rest of the matching, so a phrase starting with a
/// capital non-ASCII letter is also listed capitalised (`À lire aussi`).
fn word_hash(word: &str) -> Option<u64> {
    if word.len() > LONGEST_WORD {
        return None;
    }
    let mut normal = [0u8; LONGEST_WORD];
    let mut len = 0;
    let mut rest = word.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        // U+2018 and U+2019 are E2 80 98 and E2 80 99 in UTF-8.
        if let (0xE2, [0x80, 0x98 | 0x99, after @ ..]) = (b, tail) {
            normal[len] = b'\'';
            rest = after;
        } else {
            normal[len] = b.to_ascii_lowercase();
            rest = tail;
        }
        len += 1;
    }
    Some(hash_chunks(&normal[..len], len, |chunk| chunk))
}

/// Words longer than this (in bytes) are in no phrase.
const LONGEST_WORD: usize = 40;

/// The hash of `len` bytes read eight at a time from `bytes` (`read` prepares each chunk):
/// a multiplication per eight bytes where a byte-wise hash needs one per byte.
fn hash_chunks(bytes: &[u8], len: usize, read: impl Fn(u64) -> u64) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325 ^ len as u64;
    let mut at = 0;
    while at < len {
        let chunk = read(load_le(bytes, at, (len - at).min(8)));
        hash = (hash ^ chunk).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        hash ^= hash >> 29;
        at += 8;
    }
    hash
}

/// `len` (1 to 8) bytes of `bytes` from `at`, as a little-endian number (the bytes beyond
/// them zero): one load when eight bytes are there.
fn load_le(bytes: &[u8], at: usize, len: usize) -> u64 {
    match bytes.get(at..at + 8) {
        Some(eight) => {
            let number = u64::from_le_bytes(eight.try_into().unwrap_or_default());
            if len >= 8 {
                number
            } else {
                number & ((1u64 << (8 * len)) - 1)
            }
        }
        None => bytes[at..at + len]
            .iter()
            .rev()
            .fold(0, |number, &byte| number << 8 | u64::from(byte)),
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = ONES * 0x80;

/// Eight ASCII bytes with their letters lower-cased: a byte from `A` to `Z` gets its 0x20 bit.
fn lower_ascii_chunk(bytes: u64) -> u64 {
    // No carry crosses bytes below 0x80: the high bit says `b >= 'A'`, then `b > 'Z'`.
    let at_least_a = bytes + ONES * (0x80 - u64::from(b'A'));
    let beyond_z = bytes + ONES * (0x80 - u64::from(b'Z') - 1);
    bytes | ((at_least_a & !beyond_z & HIGH_BITS) >> 2)
}

/// [`word_hash`] of the ASCII word `bytes[start..end]`.
fn ascii_word_hash(bytes: &[u8], start: usize, end: usize) -> Option<u64> {
    let len = end - start;
    (len <= LONGEST_WORD).then(|| hash_chunks(&bytes[start..], len, lower_ascii_chunk))
}

/// A word of a text, stripped of surrounding punctuation, with whether it stands inside
/// quotation marks.
struct Word {
    /// [`word_hash`] of the word; `None` for words too long to be in a phrase.
    hash: Option<u64>,
    quoted: bool,
}

/// Punctuation that surrounds words without being part of them.
fn is_edge_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ':' | ';' | '!' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|' | '*' | '…' | '/' | '¿' | '¡'
    ) || is_opening_quote(c)
        || is_closing_quote(c)
}

fn is_opening_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201E}' | '\u{00AB}' | '\u{2039}' | '\u{2018}' | '\''
    )
}

fn is_closing_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201D}' | '\u{201C}' | '\u{00BB}' | '\u{203A}' | '\u{2019}' | '\''
    )
}

/// ASCII punctuation that surrounds words ([`is_edge_punctuation`]'s ASCII part), by byte.
const ASCII_EDGE: [bool; 128] = {
    let mut table = [false; 128];
    let edges = b"\".,:;!?()[]{}|*/'";
    let mut i = 0;
    while i < edges.len() {
        table[edges[i] as usize] = true;
        i += 1;
    }
    table
};

fn is_ascii_edge(b: u8) -> bool {
    ASCII_EDGE.get(usize::from(b)).copied().unwrap_or(false)
}

/// The range of `bytes` left once ASCII edge punctuation is taken off both ends.
fn without_ascii_edges(bytes: &[u8]) -> std::ops::Range<usize> {
    let start = bytes.iter().position(|&b| !is_ascii_edge(b)).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|&b| !is_ascii_edge(b)).map_or(start, |p| p + 1);
    start..end
}

/// `token.trim_matches(is_edge_punctuation)`, decoding characters only at edges that are not
/// ASCII.
fn trim_punctuation(token: &str) -> &str {
    let mut rest = token;
    loop {
        rest = &rest[without_ascii_edges(rest.as_bytes())];
        let bytes = rest.as_bytes();
        if bytes.first().is_none_or(|&b| b < 0x80) && bytes.last().is_none_or(|&b| b < 0x80) {
            return rest;
        }
        let trimmed = rest
            .trim_start_matches(is_edge_punctuation)
            .trim_end_matches(is_edge_punctuation);
        if trimmed.len() == rest.len() {
            return rest;
        }
        rest = trimmed;
    }
}

/// Splits `text` into words (`©` always a word of its own). Words are found eight bytes at a
/// time; plain ASCII ones (most of them) are trimmed and hashed without decoding, the others go
/// through [`push_word`].
fn split_words(text: &str) -> Vec<Word> {
    let bytes = text.as_bytes();
    let mut words = Vec::with_capacity(text.len() / 5 + 1);
    let mut in_quotes = false;
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at].is_ascii_whitespace() {
            at += 1;
            continue;
        }
        let (end, ascii) = word_end(bytes, at);
        if ascii {
            push_ascii_word(bytes, at, end, &mut in_quotes, &mut words);
        } else {
            // Cut at ASCII whitespace (or the ends): character boundaries.
            push_word(&text[at..end], &mut in_quotes, &mut words);
        }
        at = end;
    }
    words
}

/// Where the word starting at `start` ends (the next ASCII whitespace, or the end), and
/// whether it is all ASCII.
fn word_end(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut at = start;
    let mut high_bits = 0;
    while let Some(eight) = bytes.get(at..at + 8) {
        let chunk = u64::from_le_bytes(eight.try_into().unwrap_or_default());
        // The first byte below 0x21 (a space, or a control character) is found exactly.
        let low = chunk.wrapping_sub(ONES * 0x21) & !chunk & HIGH_BITS;
        if low == 0 {
            high_bits |= chunk;
            at += 8;
            continue;
        }
        let first = (low.trailing_zeros() / 8) as usize;
        if !bytes[at + first].is_ascii_whitespace() {
            // A control character inside a word: the rest byte by byte.
            break;
        }
        let before = if first == 0 {
            0
        } else {
            chunk & (u64::MAX >> (64 - 8 * first))
        };
        return (at + first, (high_bits | before) & HIGH_BITS == 0);
    }
    let mut ascii = high_bits & HIGH_BITS == 0;
    while let Some(&b) = bytes.get(at).filter(|b| !b.is_ascii_whitespace()) {
        ascii &= b < 0x80;
        at += 1;
    }
    (at, ascii)
}

/// [`push_word`] of the ASCII word `bytes[start..end]`.
fn push_ascii_word(bytes: &[u8], start: usize, end: usize, in_quotes: &mut bool, words: &mut Vec<Word>) {
    let is_quote = |b: u8| matches!(b, b'"' | b'\'');
    let opens = !*in_quotes && is_quote(bytes[start]);
    let closes = (*in_quotes || opens) && end - start > 1 && is_quote(bytes[end - 1]);
    *in_quotes |= opens;
    let word = without_ascii_edges(&bytes[start..end]);
    if !word.is_empty() {
        words.push(Word {
            hash: ascii_word_hash(bytes, start + word.start, start + word.end),
            quoted: *in_quotes,
        });
    }
    if closes {
        *in_quotes = false;
    }
}

/// Adds the word (or words: `©2026`) of `raw`, a run without whitespace, tracking quotation marks.
fn push_word(raw: &str, in_quotes: &mut bool, words: &mut Vec<Word>) {
    let opens = !*in_quotes && raw.starts_with(is_opening_quote);
    let closes = (*in_quotes || opens) && raw.len() > 1 && raw.ends_with(is_closing_quote);
    *in_quotes |= opens;
    let token = trim_punctuation(raw);
    match token.strip_prefix('©') {
        Some(rest) => {
            words.push(Word {
                hash: word_hash("©"),
                quoted: *in_quotes,
            });
            let rest = trim_punctuation(rest);
            if !rest.is_empty() {
                words.push(Word {
                    hash: word_hash(rest),
                    quoted: *in_quotes,
                });
            }
        }
        None if !token.is_empty() => words.push(Word {
            hash: word_hash(token),
            quoted: *in_quotes,
        }),
        None => {}
    }
    if closes {
        *in_quotes = false;
    }
}

/// A block's verdict by its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PhraseVerdict {
    pub category: Category,
    /// The phrases that decided, for the report.
    pub reason: String,
}

/// Judges a block by its text (whitespace collapsed, as the block scanner gives it).
/// `prompts_inside` counts prompt blocks already removed from inside it (a box whose heading and
/// buttons were prompts is one too). `None`: not a prompt.
pub(crate) fn judge(text: &str, prompts_inside: usize) -> Option<PhraseVerdict> {
    let len = if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    };
    if len == 0 || len > MAX_JUDGED_TEXT {
        return None;
    }
    let matcher = matcher();
    let words = split_words(text);
    let mut covered = 0usize;
    let mut by_category = [0usize; Category::ALL.len()];
    let mut distinct: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let candidates = words[i].hash.and_then(|h| matcher.by_first_word.get(h));
        let Some(candidates) = candidates else {
            i += 1;
            continue;
        };
        // The longest phrase starting here, as leftmost-longest matching does.
        let found = candidates.iter().find_map(|&entry| {
            let (index, phrase) = &matcher.entries[entry];
            let fits = words.len() - i >= phrase.len()
                && words[i..i + phrase.len()]
                    .iter()
                    .zip(phrase)
                    .all(|(w, p)| w.hash == Some(*p));
            fits.then_some((*index, phrase.len()))
        });
        let Some((index, n)) = found else {
            i += 1;
            continue;
        };
        let quoted = words[i..i + n].iter().any(|w| w.quoted);
        i += n;
        if quoted {
            continue;
        }
        let (phrase, category) = PHRASES[index];
        let chars = phrase.chars().count();
        covered += chars;
        by_category[category.index()] += chars;
        // Multi-word phrases and the copyright sign are prompt markers; single words only cover.
        let marker = phrase.contains(' ') || phrase == "©";
        if marker && !distinct.contains(&index) {
            distinct.push(index);
        }
    }
    let coverage = covered as f64 / len as f64;
    if covered == 0 {
        // Prompts removed inside say nothing of text that names no prompt itself.
        return None;
    }
    let markers = distinct.len() + prompts_inside;
    let prompt = coverage >= 0.5 || (markers >= 2 && len <= 400) || (markers >= 3 && len <= 1200);
    if !prompt {
        return None;
    }
    let best = (0..by_category.len()).max_by_key(|&i| by_category[i])?;
    let mut phrases: Vec<&str> = distinct.iter().map(|&i| PHRASES[i].0).take(3).collect();
    if phrases.is_empty() {
        phrases.push(text);
    }
    let quoted: Vec<String> = phrases.iter().map(|p| format!("\"{}\"", clip(p, 60))).collect();
    Some(PhraseVerdict {
        category: Category::ALL[best],
        reason: format!("phrase {}", quoted.join(", ")),
    })
}

/// The first `max` characters of `s`, with an ellipsis when cut.
pub(crate) fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words as split before the fast path: every word through [`push_word`].
    fn split_words_decoding(text: &str) -> Vec<Word> {
        let mut words = Vec::new();
        let mut in_quotes = false;
        for raw in text.split_ascii_whitespace() {
            push_word(raw, &mut in_quotes, &mut words);
        }
        words
    }

    proptest::proptest! {
        /// Trimming reads ASCII edges by byte and decodes only other edges: the same as
        /// `trim_matches` with the character predicate.
        #[test]
        fn trimming_matches_the_character_predicate(token in "[\"'().,:;!?\\[\\]{}|*/…¿¡“”„«»‹›‘’a-zé©]{0,12}") {
            proptest::prop_assert_eq!(trim_punctuation(&token), token.trim_matches(is_edge_punctuation));
        }

        /// Words found eight bytes at a time, trimmed and hashed without decoding, are the words
        /// decoding gives: words of any length, any whitespace and control characters, quotes,
        /// punctuation, `©`, typographic apostrophes and other letters.
        #[test]
        fn fast_words_read_as_decoded_words(text in "([\"'().,:;!?*/ \t\n\r\x0b\x0c\x01a-zA-Z0-9@\\[\\]^_`{|}~©’“”é-]{0,20}[ \n]?){0,12}") {
            let (fast, decoded) = (split_words(&text), split_words_decoding(&text));
            let read = |words: &[Word]| words.iter().map(|w| (w.hash, w.quoted)).collect::<Vec<_>>();
            proptest::prop_assert_eq!(read(&fast), read(&decoded));
        }

        /// Lower-casing eight bytes at once is `to_ascii_lowercase` on each.
        #[test]
        fn chunks_lower_case_as_bytes_do(bytes in proptest::array::uniform8(0u8..0x80)) {
            let lowered = bytes.map(|b| b.to_ascii_lowercase());
            proptest::prop_assert_eq!(lower_ascii_chunk(u64::from_le_bytes(bytes)), u64::from_le_bytes(lowered));
        }
    }

    #[test]
    fn every_phrase_is_found_alone_in_any_case() {
        for (phrase, _) in PHRASES {
            let mut chars = phrase.chars();
            let capitalised: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .chain(chars)
                .collect();
            // Only ASCII letters are matched in any case (see `word_hash`).
            let shouted = if phrase.is_ascii() {
                phrase.to_uppercase()
            } else {
                phrase.to_string()
            };
            for text in [phrase.to_string(), capitalised, shouted, format!("{phrase}.")] {
                assert!(judge(&text, 0).is_some(), "{text:?} is not found");
            }
        }
    }

    #[test]
    fn prompts_are_judged() {
        assert_eq!(judge("Subscribe now", 0).unwrap().category, Category::Paywall);
        assert_eq!(
            judge("© 2025, Example Group. All Rights Reserved", 0).unwrap().category,
            Category::Footer
        );
        assert_eq!(
            judge("Wir verwenden Cookies. Alle akzeptieren", 0).unwrap().category,
            Category::Consent
        );
        assert_eq!(
            judge("Abonnez-vous : accès illimité, sans engagement", 0)
                .unwrap()
                .category,
            Category::Paywall
        );
        assert_eq!(
            judge("Todos los derechos reservados", 0).unwrap().category,
            Category::Footer
        );
    }

    #[test]
    fn prompts_removed_inside_make_a_box_a_prompt() {
        let box_text = "Unlimited access to all of our reporting, investigations and analysis. \
            Year-one discount if you continue past the trial period. Searchable archive of all content, \
            photo galleries and special columns. Contact our reporters with tips or requests. \
            Subscribe now to original reporting by our team of experts, with new investigations \
            every week and analysis from correspondents in twelve countries across three continents.";
        assert_eq!(judge(box_text, 0), None);
        assert_eq!(judge(box_text, 2).unwrap().category, Category::Paywall);
    }

    #[test]
    fn prose_is_not_judged() {
        assert_eq!(
            judge(
                "The deployment will include 5,000 construction workers, officials said.",
                0
            ),
            None
        );
        assert_eq!(
            judge(
                "Her newsletter has 40,000 readers and a growing subscription base in Europe.",
                0
            ),
            None
        );
        assert_eq!(
            judge(
                "Photo: © Reuters / Jane Doe, taken in the port of Hamburg last spring",
                0
            ),
            None
        );
    }

    #[test]
    fn quoted_prompts_are_not_judged() {
        assert_eq!(
            judge(
                "The banner read \u{201C}Subscribe now, cancel any time,\u{201D} critics said.",
                0
            ),
            None
        );
        assert_eq!(
            judge(
                "One paper's banner read \"Subscribe now, cancel any time\" for a month.",
                0
            ),
            None
        );
        assert!(judge("\u{201C}Great story\u{201D} Subscribe now, cancel any time", 0).is_some());
    }

    #[test]
    fn long_blocks_are_never_judged() {
        let long = "Subscribe now. ".repeat(200);
        assert_eq!(judge(&long, 0), None);
    }

    #[test]
    fn case_and_typographic_apostrophes_do_not_matter() {
        assert_eq!(judge("SUBSCRIBE NOW", 0).unwrap().category, Category::Paywall);
        assert_eq!(judge("Don\u{2019}t miss", 0).unwrap().category, Category::Related);
        assert_eq!(judge("À lire aussi", 0).unwrap().category, Category::Related);
    }

    #[test]
    fn clip_cuts_at_characters() {
        assert_eq!(clip("héllo", 2), "hé…");
        assert_eq!(clip("hi", 5), "hi");
    }
}
