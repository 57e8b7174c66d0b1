//! What a message the server cannot read says about its document: the
//! method, `textDocument.uri` and `version` and how long the buffer's text
//! is, found by one pass over its bytes in any order and keeping only
//! those few values, so that a message too big to be read whole, or that
//! is not JSON, can still be answered with a diagnostic for its document.
//!
//! The pass is a small JSON tokenizer that follows the path of each value
//! and is lenient: it never fails, and broken JSON only gives fewer values.

use super::transport::repair;

/// Longest `method` or `uri` kept (a longer one is not kept at all).
const MAX_KEPT: usize = 16 * 1024;
/// Object keys longer than this are none of those looked for.
const MAX_KEY: usize = 32;
/// Nesting followed (the paths looked for are four levels deep); deeper
/// levels are only counted, so a frame of brackets takes no memory.
const MAX_DEPTH: usize = 8;

/// What was found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Skimmed {
    pub method: Option<String>,
    /// `params.textDocument.uri`.
    pub uri: Option<String>,
    /// `params.textDocument.version`.
    pub version: Option<i32>,
    /// The decoded length in UTF-8 bytes of `params.textDocument.text` (a
    /// didOpen) or of the longest `params.contentChanges[].text` (a
    /// didChange): a lower bound of the buffer's size.
    pub text_bytes: Option<u64>,
}

/// The keys on the paths looked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Method,
    Params,
    TextDocument,
    Uri,
    Version,
    Text,
    ContentChanges,
    Other,
}

impl Key {
    fn of(raw: &[u8]) -> Key {
        match raw {
            b"method" => Key::Method,
            b"params" => Key::Params,
            b"textDocument" => Key::TextDocument,
            b"uri" => Key::Uri,
            b"version" => Key::Version,
            b"text" => Key::Text,
            b"contentChanges" => Key::ContentChanges,
            _ => Key::Other,
        }
    }
}

/// One open object or array: in an object, the key of the member being
/// read and whether a key (rather than a value) comes next.
#[derive(Clone, Copy, Debug)]
enum Level {
    Object { key: Option<Key>, wants_key: bool },
    Array,
}

/// What a value is wanted for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Method,
    Uri,
    Version,
    Text,
    Nothing,
}

/// Inside a string or a number.
#[derive(Debug)]
enum Token {
    None,
    /// A string; `escape` counts the bytes of an escape read so far (1
    /// after the backslash, up to 5 into a `\uXXXX`), `unit` its digits.
    String {
        role: Role,
        escape: u8,
        unit: u16,
        /// A high surrogate waiting for its low half.
        high: bool,
    },
    /// A number or `true`/`false`/`null`, kept when it is the version.
    Atom {
        kept: Option<Vec<u8>>,
    },
}

#[derive(Debug)]
enum Role {
    /// A key, kept raw (`None` once too long to be one we look for).
    Key(Option<Vec<u8>>),
    /// A value kept raw, escapes and all (`None` once too long).
    Keep(Target, Option<Vec<u8>>),
    /// The text: only its decoded length is counted.
    Count(u64),
    Skip,
}

/// The tokenizer, fed the bytes of a message in pieces.
#[derive(Debug)]
pub struct Skimmer {
    levels: Vec<Level>,
    /// Levels past [`MAX_DEPTH`], counted only.
    deeper: u64,
    token: Token,
    found: Skimmed,
}

impl Default for Skimmer {
    fn default() -> Self {
        Skimmer {
            levels: Vec::new(),
            deeper: 0,
            token: Token::None,
            found: Skimmed::default(),
        }
    }
}

impl Skimmer {
    /// Reads the next bytes of the message.
    pub fn feed(&mut self, bytes: &[u8]) {
        let mut at = 0;
        while at < bytes.len() {
            at = match self.token {
                Token::String { .. } => self.string(bytes, at),
                Token::Atom { .. } => self.atom(bytes, at),
                Token::None => {
                    self.punctuation(bytes[at]);
                    at + 1
                }
            };
        }
    }

    /// What was found, once the whole message was fed.
    pub fn finish(mut self) -> Skimmed {
        if matches!(self.token, Token::Atom { .. }) {
            self.end_atom();
        }
        self.found
    }

    fn punctuation(&mut self, byte: u8) {
        match byte {
            b'{' | b'[' => {
                if self.deeper > 0 || self.levels.len() >= MAX_DEPTH {
                    self.deeper += 1;
                } else {
                    // The container is the current member's value: its key
                    // stays on the path until the container closes.
                    self.levels.push(if byte == b'{' {
                        Level::Object {
                            key: None,
                            wants_key: true,
                        }
                    } else {
                        Level::Array
                    });
                }
            }
            b'}' | b']' => {
                if self.deeper > 0 {
                    self.deeper -= 1;
                } else {
                    self.levels.pop();
                }
            }
            b':' => {
                if let Some(Level::Object { wants_key, .. }) = self.levels.last_mut() {
                    *wants_key = false;
                }
            }
            b',' => {
                if let Some(Level::Object { key, wants_key }) = self.levels.last_mut() {
                    *key = None;
                    *wants_key = true;
                }
            }
            b'"' => {
                let role = match self.levels.last() {
                    _ if self.deeper > 0 => Role::Skip,
                    Some(Level::Object {
                        wants_key: true, ..
                    }) => Role::Key(Some(Vec::new())),
                    _ => match self.target() {
                        Target::Method | Target::Uri => Role::Keep(self.target(), Some(Vec::new())),
                        Target::Text => Role::Count(0),
                        Target::Version | Target::Nothing => Role::Skip,
                    },
                };
                self.token = Token::String {
                    role,
                    escape: 0,
                    unit: 0,
                    high: false,
                };
            }
            b' ' | b'\t' | b'\r' | b'\n' => {}
            _ => {
                let kept =
                    (self.deeper == 0 && self.target() == Target::Version).then(|| vec![byte]);
                self.token = Token::Atom { kept };
            }
        }
    }

    /// What the value about to be read is wanted for, from its path.
    fn target(&self) -> Target {
        use Key::*;
        use Level::Object as O;
        if self.deeper > 0 {
            return Target::Nothing;
        }
        match self.levels.as_slice() {
            [
                O {
                    key: Some(Method), ..
                },
            ] => Target::Method,
            [
                O {
                    key: Some(Params), ..
                },
                O {
                    key: Some(TextDocument),
                    ..
                },
                O { key: Some(key), .. },
            ] => match key {
                Uri => Target::Uri,
                Version => Target::Version,
                Text => Target::Text,
                _ => Target::Nothing,
            },
            [
                O {
                    key: Some(Params), ..
                },
                O {
                    key: Some(ContentChanges),
                    ..
                },
                Level::Array,
                O {
                    key: Some(Text), ..
                },
            ] => Target::Text,
            _ => Target::Nothing,
        }
    }

    /// Reads string bytes from `at`; returns where it stopped.
    fn string(&mut self, bytes: &[u8], mut at: usize) -> usize {
        let Token::String {
            role,
            escape,
            unit,
            high,
        } = &mut self.token
        else {
            unreachable!("in a string")
        };
        while at < bytes.len() {
            if *escape == 0 {
                // Plain bytes up to the next quote or backslash, at once.
                let rest = &bytes[at..];
                let plain = memchr::memchr2(b'"', b'\\', rest).unwrap_or(rest.len());
                if plain > 0 {
                    if std::mem::take(high) {
                        role.count(3);
                    }
                    role.keep(&rest[..plain]);
                    role.count(plain as u64);
                    at += plain;
                    continue;
                }
                let byte = bytes[at];
                at += 1;
                if byte == b'"' {
                    if std::mem::take(high) {
                        role.count(3);
                    }
                    let role = std::mem::replace(role, Role::Skip);
                    self.token = Token::None;
                    self.end_string(role);
                    return at;
                }
                role.keep(&[byte]);
                *escape = 1;
                continue;
            }
            let byte = bytes[at];
            at += 1;
            role.keep(&[byte]);
            if *escape == 1 {
                if byte == b'u' {
                    *escape = 2;
                    *unit = 0;
                } else {
                    // \n, \", \\ and the like: one byte of text.
                    if std::mem::take(high) {
                        role.count(3);
                    }
                    role.count(1);
                    *escape = 0;
                }
                continue;
            }
            let digit = (byte as char).to_digit(16).unwrap_or(0) as u16;
            *unit = (*unit << 4) | digit;
            *escape += 1;
            if *escape == 6 {
                *escape = 0;
                let code = *unit;
                match code {
                    0xDC00..=0xDFFF if std::mem::take(high) => role.count(4),
                    _ => {
                        if std::mem::take(high) {
                            role.count(3);
                        }
                        match code {
                            0xD800..=0xDBFF => *high = true,
                            // A lone low half, read as U+FFFD.
                            0xDC00..=0xDFFF => role.count(3),
                            _ => role.count(
                                char::from_u32(code.into()).map_or(3, |c| c.len_utf8() as u64),
                            ),
                        }
                    }
                }
            }
        }
        at
    }

    fn end_string(&mut self, role: Role) {
        match role {
            Role::Key(raw) => {
                let key = raw.map_or(Key::Other, |raw| Key::of(&raw));
                if let Some(Level::Object { key: k, .. }) = self.levels.last_mut() {
                    *k = Some(key);
                }
            }
            Role::Keep(target, Some(raw)) => {
                let value = decode(&raw);
                match target {
                    Target::Method => self.found.method = value,
                    Target::Uri => self.found.uri = value,
                    _ => {}
                }
            }
            Role::Count(n) => {
                let longest = self.found.text_bytes.map_or(n, |t| t.max(n));
                self.found.text_bytes = Some(longest);
            }
            Role::Keep(_, None) | Role::Skip => {}
        }
    }

    fn atom(&mut self, bytes: &[u8], at: usize) -> usize {
        let rest = &bytes[at..];
        let end = rest
            .iter()
            .position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n'))
            .unwrap_or(rest.len());
        if let Token::Atom { kept: Some(kept) } = &mut self.token {
            kept.extend_from_slice(&rest[..end]);
            if kept.len() > 32 {
                self.token = Token::Atom { kept: None };
            }
        }
        if end < rest.len() {
            self.end_atom();
        }
        at + end
    }

    fn end_atom(&mut self) {
        if let Token::Atom { kept: Some(kept) } = std::mem::replace(&mut self.token, Token::None) {
            self.found.version = std::str::from_utf8(&kept).ok().and_then(|v| v.parse().ok());
        }
    }
}

impl Role {
    /// Keeps raw bytes of a key or kept value, escapes and all
    /// (forgetting a value that grows too long to be what is looked for).
    fn keep(&mut self, raw: &[u8]) {
        let (kept, max) = match self {
            Role::Key(kept) => (kept, MAX_KEY),
            Role::Keep(_, kept) => (kept, MAX_KEPT),
            Role::Count(_) | Role::Skip => return,
        };
        if let Some(k) = kept {
            if k.len() + raw.len() > max {
                *kept = None;
            } else {
                k.extend_from_slice(raw);
            }
        }
    }

    /// Counts decoded bytes of the text.
    fn count(&mut self, decoded: u64) {
        if let Role::Count(n) = self {
            *n += decoded;
        }
    }
}

/// A raw JSON string's value (lone surrogates and invalid UTF-8 read as
/// U+FFFD).
fn decode(raw: &[u8]) -> Option<String> {
    let mut quoted = Vec::with_capacity(raw.len() + 2);
    quoted.push(b'"');
    quoted.extend_from_slice(raw);
    quoted.push(b'"');
    serde_json::from_slice(&quoted).ok().or_else(|| {
        let (repaired, _) = repair(&quoted)?;
        serde_json::from_slice(&repaired).ok()
    })
}

/// Skims a whole message at once.
pub fn skim(bytes: &[u8]) -> Skimmed {
    let mut s = Skimmer::default();
    s.feed(bytes);
    s.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_did_open_is_skimmed_in_any_order_and_in_pieces() {
        let text = "é\u{1}\"😀\\ x";
        let message = serde_json::json!({
            "params": {"textDocument": {
                "text": text, "version": 7, "languageId": "markdown", "uri": "file:///a%20b.md",
            }},
            "jsonrpc": "2.0",
            "method": "textDocument/didOpen",
        })
        .to_string();
        let expected = Skimmed {
            method: Some("textDocument/didOpen".into()),
            uri: Some("file:///a%20b.md".into()),
            version: Some(7),
            text_bytes: Some(text.len() as u64),
        };
        assert_eq!(skim(message.as_bytes()), expected);
        // Fed a byte at a time: escapes and numbers cut anywhere.
        let mut s = Skimmer::default();
        for b in message.as_bytes() {
            s.feed(std::slice::from_ref(b));
        }
        assert_eq!(s.finish(), expected);
    }

    #[test]
    fn escapes_count_decoded_bytes_and_lone_halves_as_replacement_characters() {
        let message = r#"{"method":"textDocument/didOpen","params":{"textDocument":{"uri":"u\u00e9","text":"\u0001\u00e9\u20ac\ud83d\ude00\ud800x\udc00\ud800"}}}"#;
        let found = skim(message.as_bytes());
        assert_eq!(found.uri.as_deref(), Some("ué"));
        // 1 + 2 + 3 + 4 + 3 + 1 + 3 + 3.
        assert_eq!(found.text_bytes, Some(20));
    }

    #[test]
    fn a_did_change_counts_its_longest_text_and_other_paths_are_not_taken() {
        let message = r#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{
            "contentChanges":[{"range":{"start":{"line":0}},"text":"abc"},{"text":"abcdef"}],
            "textDocument":{"uri":"file:///d.md","version":3},
            "other":{"textDocument":{"uri":"no","text":"nothing to count here"}},
            "uri":"no"}}"#;
        let found = skim(message.as_bytes());
        assert_eq!(found.method.as_deref(), Some("textDocument/didChange"));
        assert_eq!(found.uri.as_deref(), Some("file:///d.md"));
        assert_eq!(found.version, Some(3));
        assert_eq!(found.text_bytes, Some(6));
    }

    #[test]
    fn broken_or_deep_input_gives_what_it_can() {
        let cut = r#"{"method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///c.md","text":"abc"#;
        let found = skim(cut.as_bytes());
        assert_eq!(found.uri.as_deref(), Some("file:///c.md"));
        assert_eq!(found.text_bytes, None, "the text never ended");
        let deep = "[".repeat(100_000) + r#"{"method":"x"}"# + &"]".repeat(100_000);
        assert_eq!(skim(deep.as_bytes()), Skimmed::default());
        let after = "[".repeat(100) + &"]".repeat(100) + r#"{"method":"x"}"#;
        assert_eq!(skim(after.as_bytes()).method.as_deref(), Some("x"));
        assert_eq!(skim(b"\xff\x00}}]]\"\\"), Skimmed::default());
    }
}
