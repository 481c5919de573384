//! Names as people type them, Vietnamese sort order and diacritic-insensitive search.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::sync::LazyLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;
use unicode_normalization::UnicodeNormalization;

use super::error::RuleError;

/// The longest name the program accepts for a unit, a person or a body.
pub const MAX_NAME_CHARS: usize = 200;

/// Turns typed text into a clean name: Unicode NFC (so "ệ" typed with combining marks
/// equals the precomposed one), trimmed, inner runs of white space collapsed to one space.
/// Refuses an empty name, a name with control characters, and an over-long one.
pub fn clean_name(raw: &str) -> Result<String, RuleError> {
    if raw
        .chars()
        .any(|c| (c.is_control() && !c.is_whitespace()) || is_bidi_control(c))
    {
        return Err(RuleError::ControlCharacters);
    }
    let nfc: String = raw.nfc().collect();
    let cleaned = nfc.split_whitespace().collect::<Vec<_>>().join(" ");
    if cleaned.is_empty() {
        return Err(RuleError::EmptyName);
    }
    let chars = cleaned.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(RuleError::NameTooLong {
            chars,
            max: MAX_NAME_CHARS,
        });
    }
    Ok(cleaned)
}

/// Like [`clean_name`] for optional free text (a title, a note): may be empty.
pub fn clean_text(raw: &str, max_chars: usize) -> Result<String, RuleError> {
    if raw
        .chars()
        .any(|c| (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c))
    {
        return Err(RuleError::ControlCharacters);
    }
    let nfc: String = raw.nfc().collect();
    let cleaned = nfc.trim().to_string();
    let chars = cleaned.chars().count();
    if chars > max_chars {
        return Err(RuleError::NameTooLong {
            chars,
            max: max_chars,
        });
    }
    Ok(cleaned)
}

/// Folds text for search: no diacritics, đ → d, lower case. "Đức Giang" → "duc giang".
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !('\u{0300}'..='\u{036F}').contains(c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A search query, folded once, matched against many names.
#[derive(Debug, Clone, Default)]
pub struct Search {
    words: Vec<String>,
}

impl Search {
    pub fn new(query: &str) -> Self {
        Self {
            words: fold(query).split_whitespace().map(str::to_owned).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// True when every word of the query occurs in the name (ignoring accents and case).
    pub fn matches(&self, name: &str) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let folded = fold(name);
        self.words.iter().all(|w| folded.contains(w.as_str()))
    }
}

static VI_COLLATOR: LazyLock<Option<CollatorBorrowed<'static>>> =
    LazyLock::new(|| Collator::try_new(locale!("vi").into(), CollatorOptions::default()).ok());

/// Compares two names in Vietnamese dictionary order (a ă â b c d đ e ê …).
pub fn vi_cmp(a: &str, b: &str) -> Ordering {
    match VI_COLLATOR.as_ref() {
        Some(collator) => collator.compare(a, b),
        None => a.cmp(b),
    }
}

/// True when two names are the same for a person: same letters and accents, any case, any
/// Unicode form or spacing.
pub fn same_name(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
}

/// What [`same_name`] compares: words with their tone apart, lower case, single spaces.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .map(tone_apart)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Names looked up as people type them: the same name (any case, form, spacing, tone
/// placement) first; then the name without diacritics when only one name reads so ("Bo De"
/// for "Bồ Đề"); else the names it may have meant, for "did you mean …?".
#[derive(Debug, Clone)]
pub struct NameIndex {
    exact: std::collections::HashMap<String, usize>,
    folded: std::collections::HashMap<String, Vec<usize>>,
    names: Vec<(String, String)>,
}

/// How a typed name was found in a [`NameIndex`].
#[derive(Debug, Clone, PartialEq)]
pub enum NameLookup {
    /// The name at this index of the list.
    Found(usize),
    /// Not found: these names (by index) are close, best first; may be empty.
    Unknown(Vec<usize>),
}

impl NameIndex {
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut index = NameIndex {
            exact: Default::default(),
            folded: Default::default(),
            names: Vec::new(),
        };
        for (i, name) in names.into_iter().enumerate() {
            index.exact.entry(name_key(name)).or_insert(i);
            let folded = fold_words(name);
            index.folded.entry(folded.clone()).or_default().push(i);
            index.names.push((name.to_string(), folded));
        }
        index
    }

    pub fn find(&self, typed: &str) -> NameLookup {
        if let Some(&i) = self.exact.get(&name_key(typed)) {
            return NameLookup::Found(i);
        }
        let folded = fold_words(typed);
        match self.folded.get(&folded).map(Vec::as_slice) {
            Some([only]) => return NameLookup::Found(*only),
            Some(several) => return NameLookup::Unknown(several.to_vec()),
            None => {}
        }
        // Close names: at most one typing slip in four letters, never more than three.
        let allowed = (folded.chars().count() / 4).clamp(1, 3);
        let mut close: Vec<(usize, usize)> = self
            .names
            .iter()
            .enumerate()
            .filter_map(|(i, (_, f))| {
                let d = edit_distance(&folded, f, allowed)?;
                Some((d, i))
            })
            .collect();
        close.sort();
        NameLookup::Unknown(close.into_iter().take(3).map(|(_, i)| i).collect())
    }

    /// The name at `i` as the list holds it.
    pub fn name(&self, i: usize) -> &str {
        self.names.get(i).map_or("", |(n, _)| n.as_str())
    }
}

/// Folded ([`fold`]) with single spaces.
fn fold_words(text: &str) -> String {
    fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Levenshtein distance in letters, or None when it is over `limit` (cut short).
fn edit_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut row = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            row[j + 1] = (previous[j] + cost)
                .min(previous[j + 1] + 1)
                .min(row[j] + 1);
        }
        if row.iter().min().is_some_and(|&m| m > limit) {
            return None;
        }
        previous = row;
    }
    previous.last().copied().filter(|&d| d <= limit)
}

/// A word with its tone mark taken off its vowel and put at its end, so that the two ways of
/// placing it compare equal: "Thuỵ" (as Unikey's old style and older documents write it) and
/// "Thụy", "Hoà" and "Hòa". A Vietnamese syllable has one tone; a word with several is left as
/// it is (NFC).
fn tone_apart(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let decomposed: String = word.nfd().collect();
    let tones: Vec<char> = decomposed.chars().filter(|c| TONES.contains(c)).collect();
    if tones.len() != 1 {
        return word.nfc().collect();
    }
    let mut bare: String = decomposed
        .chars()
        .filter(|c| !TONES.contains(c))
        .collect::<String>()
        .nfc()
        .collect();
    bare.push(tones[0]);
    bare
}

/// A name safe for a file: accents folded, anything but letters and digits turned into '-'.
/// "Quận Long Biên" → "Quan-Long-Bien".
pub fn file_stem(text: &str) -> String {
    let folded: String = text
        .nfd()
        .filter(|c| !('\u{0300}'..='\u{036F}').contains(c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        })
        .collect();
    let parts: Vec<&str> = folded.split('-').filter(|p| !p.is_empty()).collect();
    let stem = parts.join("-");
    if stem.is_empty() {
        "giaoban".to_string()
    } else {
        stem.chars().take(80).collect()
    }
}

/// The invisible marks that change the direction of the text around them (LRM, RLM, ALM, the
/// embeddings, overrides and isolates): a name holding one can read differently from what it is.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Text from a file or a person made safe to show on one line of a terminal or a message:
/// control characters (escape sequences, new lines, tabs) and direction marks are written as
/// `\u{1b}`, everything else as it is.
pub fn escape_for_display(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() || is_bidi_control(c) {
            shown.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

/// A path as shown to a person: escaped like [`escape_for_display`].
pub fn display_path(path: &std::path::Path) -> String {
    escape_for_display(&path.to_string_lossy()).into_owned()
}

/// At most `chars` characters of `text`, ending in "…" when cut (for a list or a button).
pub fn shorten(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        None => text.to_string(),
        Some((at, _)) => format!("{}…", text[..at].trim_end()),
    }
}

/// The first letter lowered, the rest as written: "Quý I/2018" → "quý I/2018".
pub fn lower_initial(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `text` as it fits `max` in a width measured by `width` (points on screen, pixels in a
/// chart): whole, or the longest start that fits with "…" ("Văn phòng HĐND và UBND q…").
pub fn fit_to<W: PartialOrd>(text: &str, max: W, width: impl Fn(&str) -> W) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars[..mid].iter().collect::<String>() + "…";
        if width(&candidate) <= max {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    chars[..lo]
        .iter()
        .collect::<String>()
        .trim_end()
        .to_string()
        + "…"
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_name_is_found_without_diacritics_or_suggested() {
        let names = ["Bồ Đề", "Bổ Đê", "Gia Thụy", "Long Biên", "Phúc Lợi"];
        let index = NameIndex::new(names);
        assert_eq!(index.find("gia thuỵ"), NameLookup::Found(2));
        assert_eq!(index.find("Long Bien"), NameLookup::Found(3));
        assert_eq!(index.find("  phuc   loi "), NameLookup::Found(4));
        // Two names read "Bo De" without their marks: neither is guessed.
        assert_eq!(index.find("Bo De"), NameLookup::Unknown(vec![0, 1]));
        // A typing slip: suggested, not taken.
        assert_eq!(index.find("Long Bienn"), NameLookup::Unknown(vec![3]));
        assert_eq!(index.find("Phuc Loj"), NameLookup::Unknown(vec![4]));
        assert_eq!(index.find("Hà Đông"), NameLookup::Unknown(vec![]));
        assert_eq!(index.name(0), "Bồ Đề");
    }

    #[test]
    fn a_name_is_the_same_with_its_tone_placed_either_way() {
        assert!(same_name("Gia Thuỵ", "Gia Thụy"));
        assert!(same_name("Ngọc Thuỵ", "ngọc  thụy"));
        assert!(same_name("Hoà Bình", "Hòa Bình"));
        assert!(!same_name("Gia Thùy", "Gia Thụy"));
        assert!(!same_name("Bồ Đề", "Bổ Đề"));
    }

    use super::*;

    #[test]
    fn text_is_fitted_with_an_ellipsis_by_any_measure() {
        let chars = |t: &str| t.chars().count();
        assert_eq!(fit_to("Bồ Đề", 10, chars), "Bồ Đề");
        assert_eq!(fit_to("Văn phòng HĐND", 8, chars), "Văn phò…");
        assert_eq!(
            fit_to("Văn phòng HĐND", 5, chars),
            "Văn…",
            "no space before …"
        );
        assert_eq!(fit_to("ab", 0, chars), "…");
    }

    #[test]
    fn escape_sequences_and_direction_marks_are_shown_escaped() {
        assert_eq!(escape_for_display("Bồ Đề"), "Bồ Đề");
        assert_eq!(
            escape_for_display("Bồ\u{1b}[31m Đề\u{202E}x\ny"),
            "Bồ\\u{1b}[31m Đề\\u{202e}x\\u{a}y"
        );
        assert_eq!(
            display_path(std::path::Path::new("/tmp/a\u{200F}b.db")),
            "/tmp/a\\u{200f}b.db"
        );
        assert!(clean_name("Bồ Đề\u{202E}").is_err());
        assert!(clean_text("ghi chú\u{2066}", 100).is_err());
    }

    #[test]
    fn shorten_counts_letters_not_bytes() {
        assert_eq!(shorten("Bồ Đề", 5), "Bồ Đề");
        assert_eq!(
            shorten("Việc được giao theo đơn vị", 20),
            "Việc được giao theo…"
        );
        assert_eq!(shorten("Đức Giang", 3), "Đức…");
    }

    #[test]
    fn clean_name_normalizes_and_refuses() {
        assert_eq!(clean_name("  Đức   Giang ").as_deref(), Ok("Đức Giang"));
        // "ệ" typed as e + U+0323 + U+0302 becomes the precomposed letter.
        let decomposed = "Vie\u{0323}\u{0302}t Hu\u{031B}ng";
        assert_eq!(clean_name(decomposed).as_deref(), Ok("Việt Hưng"));
        assert_eq!(clean_name("   "), Err(RuleError::EmptyName));
        assert_eq!(clean_name("a\u{0007}b"), Err(RuleError::ControlCharacters));
        assert!(matches!(
            clean_name(&"x".repeat(201)),
            Err(RuleError::NameTooLong { chars: 201, .. })
        ));
    }

    #[test]
    fn search_ignores_diacritics_and_case() {
        assert!(Search::new("duc giang").matches("Đức Giang"));
        assert!(Search::new("thuy").matches("Ngọc Thụy"));
        assert!(Search::new("THUONG thanh").matches("Thượng Thanh"));
        assert!(!Search::new("duc giang").matches("Giang Biên"));
        assert!(Search::new("").matches("anything"));
    }

    #[test]
    fn vietnamese_order() {
        let mut names = vec![
            "Đức Giang",
            "Dương Nội",
            "Ân Thi",
            "An Khánh",
            "Bồ Đề",
            "Cự Khối",
            "Ngọc Thụy",
            "Ngọc Lâm",
        ];
        names.sort_by(|a, b| vi_cmp(a, b));
        assert_eq!(
            names,
            vec![
                "An Khánh",
                "Ân Thi",
                "Bồ Đề",
                "Cự Khối",
                "Dương Nội",
                "Đức Giang",
                "Ngọc Lâm",
                "Ngọc Thụy"
            ]
        );
    }

    #[test]
    fn file_stems_are_ascii() {
        assert_eq!(file_stem("Quận Long Biên"), "Quan-Long-Bien");
        assert_eq!(file_stem("Đống Đa / 2019"), "Dong-Da-2019");
        assert_eq!(file_stem("///"), "giaoban");
    }

    #[test]
    fn same_name_ignores_case_and_form() {
        assert!(same_name("Đức Giang", "đức  giang"));
        assert!(same_name("Việt Hưng", "Vie\u{0323}\u{0302}t Hưng"));
        assert!(!same_name("Đức Giang", "Duc Giang"));
    }
}
