//! Fuzz the tokenizer: any bytes (read as `--lossy` would) give tokens and sentences that keep
//! every invariant of `tests/common/contract.rs`, and every token has a lookup key.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/contract.rs"]
mod contract;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let tokens = istilahi::tokenize::tokenize(&text);
    let sentences = istilahi::tokenize::sentences(&text, &tokens);
    contract::check_tokens(&text, &tokens, &sentences);
    for t in &tokens {
        let _ = istilahi::tokenize::key(t.text(&text));
    }
});
