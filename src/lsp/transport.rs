//! JSON-RPC frames on standard input and output.
//!
//! lsp-server's stock stdio reader ends the connection on the first frame
//! it cannot parse, and an editor's server must outlive a client's mistake.
//! This reader skips bytes that are not a `Content-Length` frame (with a
//! log message), reads a lone UTF-16 surrogate escape or invalid UTF-8 in
//! a body as U+FFFD (with a log message) rather than refusing the body,
//! answers a body that is not JSON with a parse error (-32700) and a JSON
//! value that is not a message with an invalid request
//! error (-32600), then carries on with the next frame. The server loop
//! sees only well-formed messages, through lsp-server's [`Connection`].

use std::collections::VecDeque;
use std::io::{self, BufRead, Write};
use std::thread;

use crossbeam_channel::{Receiver, select};
use lsp_server::{Connection, ErrorCode, Message};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::skim::{Skimmed, Skimmer, skim};

/// A header line longer than this is not a header: a stray binary blob
/// must not be buffered whole while looking for its end of line.
const MAX_HEADER_LINE: usize = 8 * 1024;

/// What the reader gives next.
#[derive(Debug)]
pub enum Incoming {
    Message(Message),
    /// A JSON-RPC object to send straight back: an error response to a
    /// frame that could not be read, or a log message about skipped bytes.
    Answer(Value),
}

/// Reads frames from `input`, never failing on what the client sends.
pub struct FrameReader<R> {
    input: R,
    /// Bodies longer than this are skipped, not buffered.
    max_body: usize,
    pending: VecDeque<Incoming>,
}

impl<R: BufRead> FrameReader<R> {
    pub fn new(input: R, max_body: usize) -> Self {
        FrameReader {
            input,
            max_body,
            pending: VecDeque::new(),
        }
    }

    /// The next message or answer; `None` when the input ends (or fails).
    pub fn next_incoming(&mut self) -> Option<Incoming> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            match self.read_frame() {
                Ok(true) => {}
                Ok(false) => return self.pending.pop_front(),
                Err(_) => return None,
            }
        }
    }

    /// Reads one frame into `pending`; `false` at the end of the input.
    fn read_frame(&mut self) -> io::Result<bool> {
        let mut skipped = 0usize;
        let mut length = None;
        loop {
            let line = match self.read_line(&mut skipped)? {
                Some(Line::Text(line)) => line,
                Some(Line::TooLong) => {
                    length = None;
                    continue;
                }
                None => {
                    self.note_skipped(skipped);
                    return Ok(false);
                }
            };
            let line = line.strip_suffix(b"\r").unwrap_or(&line);
            if line.is_empty() {
                match length {
                    Some(_) => break,
                    None => continue, // a blank line between frames
                }
            }
            match content_length(line) {
                Some((garbage, value)) => {
                    // A value that is no number makes the whole line garbage.
                    skipped += if value.is_some() {
                        garbage
                    } else {
                        line.len() + 1
                    };
                    length = value;
                }
                // Another header (Content-Type), before or after the length.
                None if is_header(line) => {}
                None => {
                    skipped += line.len() + 1;
                    length = None;
                }
            }
        }
        self.note_skipped(skipped);
        let length = length.unwrap_or_default();
        if length > self.max_body {
            // Not buffered: skimmed on the way for the document it is about.
            let mut skimmer = Skimmer::default();
            let mut left = length;
            while left > 0 {
                let available = self.input.fill_buf()?;
                if available.is_empty() {
                    break;
                }
                let used = available.len().min(left);
                skimmer.feed(&available[..used]);
                self.input.consume(used);
                left -= used;
            }
            self.pending.push_back(Incoming::Answer(error(
                Value::Null,
                ErrorCode::ParseError,
                &format!(
                    "a frame of {length} bytes is over the limit of {} bytes; it was skipped",
                    self.max_body
                ),
            )));
            let cause = Cause::TooBig {
                frame_bytes: length as u64,
                frame_limit: self.max_body as u64,
            };
            self.pending.extend(unreadable(skimmer.finish(), cause));
            return Ok(true);
        }
        let mut body = vec![0; length];
        if self.input.read_exact(&mut body).is_err() {
            return Ok(false);
        }
        self.pending.extend(parse(&body));
        Ok(true)
    }

    /// One line without its `\n`, or `None` at the end of the input. An
    /// over-long line is not kept: its bytes are counted in `skipped` and it
    /// comes back as [`Line::TooLong`].
    fn read_line(&mut self, skipped: &mut usize) -> io::Result<Option<Line>> {
        let mut line = Vec::new();
        let mut too_long = false;
        loop {
            let available = self.input.fill_buf()?;
            if available.is_empty() {
                *skipped += line.len();
                return Ok(None);
            }
            let newline = memchr::memchr(b'\n', available);
            let chunk = &available[..newline.unwrap_or(available.len())];
            if too_long || line.len() + chunk.len() > MAX_HEADER_LINE {
                *skipped += line.len() + chunk.len() + usize::from(newline.is_some());
                line = Vec::new();
                too_long = true;
            } else {
                line.extend_from_slice(chunk);
            }
            let used = newline.map_or(available.len(), |i| i + 1);
            self.input.consume(used);
            if newline.is_some() {
                return Ok(Some(if too_long {
                    Line::TooLong
                } else {
                    Line::Text(line)
                }));
            }
        }
    }

    fn note_skipped(&mut self, skipped: usize) {
        if skipped > 0 {
            self.pending.push_back(Incoming::Answer(log_message(
                2,
                format!(
                    "factlint: skipped {skipped} bytes of input that were not a \
                     Content-Length frame"
                ),
            )));
        }
    }
}

/// A header line as read.
enum Line {
    Text(Vec<u8>),
    /// Longer than [`MAX_HEADER_LINE`]: not a header, and not kept.
    TooLong,
}

/// The value of a `Content-Length` header found in `line` (anywhere: bytes
/// glued before it are garbage, counted in the first number), or `None`
/// when the line holds no such header. A header whose value is not a
/// number gives `Some((_, None))`.
fn content_length(line: &[u8]) -> Option<(usize, Option<usize>)> {
    const NAME: &[u8] = b"content-length:";
    let at = line
        .windows(NAME.len())
        .position(|w| w.eq_ignore_ascii_case(NAME))?;
    let value = std::str::from_utf8(&line[at + NAME.len()..])
        .ok()
        .and_then(|v| v.trim().parse().ok());
    Some((at, value))
}

/// Whether `line` reads as `Name: value`.
fn is_header(line: &[u8]) -> bool {
    line.iter().position(|&b| b == b':').is_some_and(|colon| {
        colon > 0
            && line[..colon]
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
    })
}

/// A frame's body as a message, or the error response it deserves; with a
/// log message first when the body had to be repaired to be read.
fn parse(body: &[u8]) -> Vec<Incoming> {
    let value: Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(e) => {
            let repaired = repair(body).and_then(|(fixed, count)| {
                let value = serde_json::from_slice::<Value>(&fixed).ok()?;
                Some((value, count))
            });
            let Some((value, count)) = repaired else {
                let mut answers = vec![Incoming::Answer(error(
                    Value::Null,
                    ErrorCode::ParseError,
                    &format!("parse error: the frame is not JSON ({e})"),
                ))];
                let cause = Cause::NotJson {
                    error: e.to_string(),
                };
                answers.extend(unreadable(skim(body), cause));
                return answers;
            };
            let note = log_message(
                2,
                format!(
                    "factlint: a message held {count} {}, which JSON text cannot hold; {} \
                     read as U+FFFD",
                    if count == 1 {
                        "lone UTF-16 surrogate or invalid UTF-8 sequence"
                    } else {
                        "lone UTF-16 surrogates or invalid UTF-8 sequences"
                    },
                    if count == 1 { "it was" } else { "each was" },
                ),
            );
            return vec![Incoming::Answer(note), message(value)];
        }
    };
    vec![message(value)]
}

/// A JSON value as a message, or the error response it deserves.
fn message(value: Value) -> Incoming {
    if value.get("method").is_some_and(|m| m == UNREADABLE) {
        let note = format!(
            "factlint: ignored a message from the client with the server's own method `{UNREADABLE}`"
        );
        return Incoming::Answer(log_message(2, note));
    }
    let id = value
        .get("id")
        .filter(|id| id.is_string() || id.is_number())
        .cloned()
        .unwrap_or(Value::Null);
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Incoming::Message(message),
        Err(e) => Incoming::Answer(error(
            id,
            ErrorCode::InvalidRequest,
            &format!("invalid request: not a JSON-RPC request, response or notification ({e})"),
        )),
    }
}

/// The method of the notification the reader sends the server, in place
/// of a didOpen or didChange it could not read, with [`Unreadable`] params.
pub const UNREADABLE: &str = "factlint/unreadableDocument";

/// A didOpen or didChange the reader could not read, and what it found of
/// it: enough to tell the user, in the document, why it is not checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unreadable {
    /// `textDocument/didOpen` or `textDocument/didChange`.
    pub method: String,
    pub uri: String,
    pub version: Option<i32>,
    /// The decoded length of its (longest) text, if it was read to the end.
    pub text_bytes: Option<u64>,
    pub cause: Cause,
}

/// Why a message could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cause {
    /// Its frame was over the reader's limit and was skipped.
    TooBig { frame_bytes: u64, frame_limit: u64 },
    /// It is not JSON, even with lone surrogates and bad UTF-8 repaired.
    NotJson { error: String },
}

/// The notification to the server for a message found to be a didOpen or
/// didChange of a document it names; nothing for any other message.
fn unreadable(found: Skimmed, cause: Cause) -> Option<Incoming> {
    let method = found
        .method
        .filter(|m| m == "textDocument/didOpen" || m == "textDocument/didChange")?;
    let params = Unreadable {
        method,
        uri: found.uri?,
        version: found.version,
        text_bytes: found.text_bytes,
        cause,
    };
    let n = lsp_server::Notification::new(UNREADABLE.into(), params);
    Some(Incoming::Message(Message::Notification(n)))
}

/// `body` with each lone UTF-16 surrogate escape (`\ud800` not followed
/// by a low half, or a low half alone) replaced by `\ufffd`, and each
/// invalid UTF-8 sequence by U+FFFD, and how many were replaced; `None`
/// when there is nothing to replace. Editors' buffers are UTF-16 and may
/// hold half a pair, which a client escapes as it is and serde_json
/// refuses; U+FFFD is one UTF-16 unit too, so positions stay aligned.
pub fn repair(body: &[u8]) -> Option<(Vec<u8>, usize)> {
    let mut count = 0;
    let mut fixed = Vec::new();
    for chunk in body.utf8_chunks() {
        fixed.extend_from_slice(chunk.valid().as_bytes());
        if !chunk.invalid().is_empty() {
            fixed.extend_from_slice("\u{fffd}".as_bytes());
            count += 1;
        }
    }
    let mut at = 0;
    // `at` may step past the end (a body ending in a backslash).
    while let Some(found) = fixed.get(at..).and_then(|rest| memchr::memchr(b'\\', rest)) {
        at += found;
        match unicode_escape(&fixed, at) {
            Some(0xD800..=0xDBFF)
                if unicode_escape(&fixed, at + 6)
                    .is_some_and(|u| (0xDC00..=0xDFFF).contains(&u)) =>
            {
                at += 12
            }
            Some(0xD800..=0xDFFF) => {
                fixed[at..at + 6].copy_from_slice(b"\\ufffd");
                count += 1;
                at += 6;
            }
            Some(_) => at += 6,
            // `\\`, `\"` and the others: two bytes, never the start of a `\u`.
            None => at += 2,
        }
    }
    (count > 0).then_some((fixed, count))
}

/// The code unit of the `\uXXXX` escape at `at` in `text`, if one is there.
fn unicode_escape(text: &[u8], at: usize) -> Option<u16> {
    let escape = text.get(at..at + 6)?;
    let digits = &escape[2..];
    if &escape[..2] != b"\\u" || !digits.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    u16::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()
}

/// A `window/logMessage` notification, as an answer.
fn log_message(typ: u8, message: String) -> Value {
    json!({
        "jsonrpc": "2.0",
        "method": "window/logMessage",
        "params": { "type": typ, "message": message },
    })
}

/// A JSON-RPC error response (its `id` may be null, which lsp-server's
/// `Response` cannot say).
pub fn error(id: Value, code: ErrorCode, message: &str) -> Value {
    json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": { "code": code as i32, "message": message },
    })
}

/// Writes one frame and flushes it.
fn write_frame(out: &mut impl Write, body: &[u8]) -> io::Result<()> {
    write!(out, "Content-Length: {}\r\n\r\n", body.len())?;
    out.write_all(body)?;
    out.flush()
}

/// The writer thread, to join so that the last messages are flushed.
pub struct Writer(thread::JoinHandle<()>);

impl Writer {
    pub fn finish(self) {
        let _ = self.0.join();
    }
}

/// A connection over standard input and output. Bodies over `max_body`
/// bytes are skipped.
pub fn stdio(max_body: usize) -> io::Result<(Connection, Writer)> {
    let (to_server, from_client) = crossbeam_channel::bounded::<Message>(0);
    let (to_client, from_server) = crossbeam_channel::unbounded::<Message>();
    let (answers, answers_out) = crossbeam_channel::unbounded::<Value>();
    thread::Builder::new()
        .name("factlint-lsp-reader".into())
        .spawn(move || {
            let mut reader = FrameReader::new(io::stdin().lock(), max_body);
            while let Some(incoming) = reader.next_incoming() {
                let sent = match incoming {
                    Incoming::Message(m) => to_server.send(m).is_ok(),
                    Incoming::Answer(a) => answers.send(a).is_ok(),
                };
                if !sent {
                    break;
                }
            }
        })?;
    let writer = thread::Builder::new()
        .name("factlint-lsp-writer".into())
        .spawn(move || write_all(&mut io::stdout().lock(), &from_server, &answers_out))?;
    let connection = Connection {
        sender: to_client,
        receiver: from_client,
    };
    Ok((connection, Writer(writer)))
}

/// Writes the server's messages and the reader's answers until the server
/// is done (its sender dropped) or the client is gone.
fn write_all(out: &mut impl Write, server: &Receiver<Message>, answers: &Receiver<Value>) {
    let write_message = |out: &mut dyn WriteFrame, m: Message| out.message(m);
    let mut answers_open = true;
    loop {
        let result = if answers_open {
            select! {
                recv(server) -> m => match m {
                    Ok(m) => write_message(out, m),
                    Err(_) => return,
                },
                recv(answers) -> a => match a {
                    Ok(a) => out.value(&a),
                    Err(_) => {
                        answers_open = false;
                        Ok(())
                    }
                },
            }
        } else {
            match server.recv() {
                Ok(m) => write_message(out, m),
                Err(_) => return,
            }
        };
        if result.is_err() {
            return;
        }
    }
}

/// The two kinds of thing the writer frames.
trait WriteFrame {
    fn message(&mut self, message: Message) -> io::Result<()>;
    fn value(&mut self, value: &Value) -> io::Result<()>;
}

impl<W: Write> WriteFrame for W {
    fn message(&mut self, message: Message) -> io::Result<()> {
        message.write(self)
    }

    fn value(&mut self, value: &Value) -> io::Result<()> {
        write_frame(self, &serde_json::to_vec(value)?)
    }
}

#[cfg(test)]
fn frame(body: &str) -> String {
    format!("Content-Length: {}\r\n\r\n{body}", body.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &str) -> Vec<Incoming> {
        let mut reader = FrameReader::new(input.as_bytes(), 1024);
        std::iter::from_fn(|| reader.next_incoming()).collect()
    }

    fn method(incoming: &Incoming) -> String {
        match incoming {
            Incoming::Message(Message::Request(r)) => r.method.clone(),
            Incoming::Message(Message::Notification(n)) => n.method.clone(),
            Incoming::Message(Message::Response(_)) => "response".into(),
            Incoming::Answer(a) => match a.get("error") {
                Some(e) => format!("error {}", e["code"]),
                None => a["method"].as_str().unwrap_or_default().to_string(),
            },
        }
    }

    fn methods(input: &str) -> Vec<String> {
        read_all(input).iter().map(method).collect()
    }

    const SHUTDOWN: &str = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;

    #[test]
    fn frames_are_read_in_order() {
        let input = frame(SHUTDOWN) + &frame(r#"{"jsonrpc":"2.0","method":"exit"}"#);
        assert_eq!(methods(&input), ["shutdown", "exit"]);
    }

    #[test]
    fn other_headers_before_or_after_the_length_are_no_garbage() {
        let typed = "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n".to_string()
            + &frame(SHUTDOWN);
        assert_eq!(methods(&typed), ["shutdown"]);
        let after = frame(SHUTDOWN).replacen("\r\n", "\r\nContent-Type: x\r\n", 1);
        assert_eq!(methods(&after), ["shutdown"]);
    }

    #[test]
    fn garbage_before_a_frame_is_skipped_with_a_log_message() {
        let input = "hello\r\nnot a header\n\n".to_string() + &frame(SHUTDOWN);
        assert_eq!(methods(&input), ["window/logMessage", "shutdown"]);
        let glued = "\u{1}\u{2}garbage".to_string() + &frame(SHUTDOWN);
        assert_eq!(methods(&glued), ["window/logMessage", "shutdown"]);
    }

    #[test]
    fn a_body_that_is_not_json_is_a_parse_error_and_the_next_frame_is_read() {
        let input = frame("{not json") + &frame(SHUTDOWN);
        assert_eq!(methods(&input), ["error -32700", "shutdown"]);
    }

    #[test]
    fn json_that_is_not_a_message_is_an_invalid_request_with_its_id() {
        let input = frame(r#"{"id":7,"what":"no method"}"#) + &frame("[1,2]");
        let read = read_all(&input);
        assert_eq!(
            read.iter().map(method).collect::<Vec<_>>(),
            ["error -32600", "error -32600"]
        );
        let Incoming::Answer(a) = &read[0] else {
            panic!("an answer")
        };
        assert_eq!(a["id"], 7);
    }

    #[test]
    fn lone_surrogates_and_invalid_utf8_are_read_as_replacement_characters() {
        let text = |body: &[u8]| -> Vec<String> {
            parse(body)
                .into_iter()
                .map(|i| match i {
                    Incoming::Message(Message::Notification(n)) => {
                        n.params["text"].as_str().unwrap().to_string()
                    }
                    Incoming::Answer(a) => a["params"]["message"].to_string(),
                    other => panic!("{other:?}"),
                })
                .collect()
        };
        let body = |text: &str| {
            format!(r#"{{"jsonrpc":"2.0","method":"n","params":{{"text":"{text}"}}}}"#).into_bytes()
        };
        // A pair, an escaped backslash before `ud800`, then lone halves.
        let read = text(&body(r"\ud83d\ude00 \\ud800 \ud800 \udc00\ud800x"));
        assert_eq!(read[1], "😀 \\ud800 \u{fffd} \u{fffd}\u{fffd}x");
        assert!(
            read[0].contains("held 3 lone UTF-16 surrogates"),
            "{read:?}"
        );
        let mut latin1 = body("caf_");
        let at = latin1.iter().position(|&b| b == b'_').unwrap();
        latin1[at] = 0xe9;
        let read = text(&latin1);
        assert_eq!(read[1], "caf\u{fffd}");
        assert!(read[0].contains("held 1 lone"), "{read:?}");
        // Nothing to repair: the body is simply not JSON.
        assert_eq!(
            methods(&frame(r#"{"text":"\ud83d\ude00"#)),
            ["error -32700"]
        );
        assert_eq!(text(&body(r"\u00e9")), ["é"]);
    }

    /// Issue 11 (found by the lsp_message fuzz target): a body ending in a
    /// backslash stepped the escape scan past its end and killed the reader.
    #[test]
    fn a_body_ending_in_a_backslash_is_not_json_not_a_panic() {
        assert_eq!(methods("Content-Length: 1\r\n\r\n\\"), ["error -32700"]);
        assert_eq!(repair(b"\\"), None);
        assert_eq!(repair(b"\xff\\").map(|(_, n)| n), Some(1));
    }

    #[test]
    fn a_frame_over_the_limit_is_skipped_whole() {
        let big = format!(
            r#"{{"jsonrpc":"2.0","method":"x","params":"{}"}}"#,
            "a".repeat(2000)
        );
        let input = frame(&big) + &frame(SHUTDOWN);
        assert_eq!(methods(&input), ["error -32700", "shutdown"]);
    }

    #[test]
    fn a_did_open_over_the_limit_or_not_json_names_its_document_to_the_server() {
        let open = |text: &str| {
            format!(
                r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"textDocument":{{"uri":"file:///a.md","languageId":"markdown","version":2,"text":"{text}"}}}}}}"#
            )
        };
        let input = frame(&open(&"\\u0001".repeat(300))) + &frame(&open("\\q")) + &frame(SHUTDOWN);
        let read = read_all(&input);
        assert_eq!(
            read.iter().map(method).collect::<Vec<_>>(),
            [
                "error -32700",
                UNREADABLE,
                "error -32700",
                UNREADABLE,
                "shutdown"
            ]
        );
        let params = |i: usize| match &read[i] {
            Incoming::Message(Message::Notification(n)) => {
                serde_json::from_value::<Unreadable>(n.params.clone()).unwrap()
            }
            other => panic!("{other:?}"),
        };
        let big = params(1);
        assert_eq!((big.uri.as_str(), big.version), ("file:///a.md", Some(2)));
        assert_eq!(big.text_bytes, Some(300));
        assert!(matches!(
            big.cause,
            Cause::TooBig {
                frame_limit: 1024,
                ..
            }
        ));
        assert!(matches!(params(3).cause, Cause::NotJson { .. }));
        // Another method, or no URI: only the parse error.
        let other = frame(&open(&"a".repeat(2000)).replace("didOpen", "didSave"));
        assert_eq!(methods(&other), ["error -32700"]);
        // The client cannot send the reader's own notification.
        let spoof = format!(r#"{{"jsonrpc":"2.0","method":"{UNREADABLE}","params":{{}}}}"#);
        assert_eq!(methods(&frame(&spoof)), ["window/logMessage"]);
    }

    #[test]
    fn an_endless_header_line_is_dropped_without_buffering_it() {
        let input = "x".repeat(MAX_HEADER_LINE * 3) + "\n" + &frame(SHUTDOWN);
        assert_eq!(methods(&input), ["window/logMessage", "shutdown"]);
    }

    #[test]
    fn a_truncated_frame_ends_the_input_quietly() {
        let input = frame(SHUTDOWN) + "Content-Length: 100\r\n\r\n{\"jsonrpc\"";
        assert_eq!(methods(&input), ["shutdown"]);
        assert_eq!(methods("Content-Length: x\r\n\r\n"), ["window/logMessage"]);
    }

    #[test]
    fn the_writer_frames_messages_and_answers() {
        let (to_client, from_server) = crossbeam_channel::unbounded();
        let (answers, answers_out) = crossbeam_channel::unbounded();
        answers
            .send(error(Value::Null, ErrorCode::ParseError, "bad"))
            .unwrap();
        drop(answers);
        let mut out = Vec::new();
        to_client
            .send(Message::Notification(lsp_server::Notification::new(
                "n".into(),
                Value::Null,
            )))
            .unwrap();
        drop(to_client);
        write_all(&mut out, &from_server, &answers_out);
        let text = String::from_utf8(out).unwrap();
        let mut seen: Vec<String> = text
            .split("Content-Length: ")
            .skip(1)
            .map(|f| {
                let (length, body) = f.split_once("\r\n\r\n").unwrap();
                assert_eq!(length.parse::<usize>().unwrap(), body.len());
                let v: Value = serde_json::from_str(body).unwrap();
                match v.get("error") {
                    Some(e) => format!("error {}", e["code"]),
                    None => v["method"].as_str().unwrap().to_string(),
                }
            })
            .collect();
        seen.sort();
        assert_eq!(seen, ["error -32700", "n"], "{text}");
    }
}
