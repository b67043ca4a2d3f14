//! Reading input text: files and standard input, with errors that name the file and, for bad
//! UTF-8, the byte offset.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};

/// Read a whole file (or standard input for `-`) as UTF-8 text. The text is returned as it
/// is — a byte-order mark or CRLF line ends stay, so byte offsets match the file.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Error::io("<stdin>", e))?;
        buf
    } else {
        if path.is_dir() {
            return Err(Error::IsDirectory {
                path: path.to_path_buf(),
            });
        }
        std::fs::read(path).map_err(|e| Error::io(path, e))?
    };
    String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_offset() {
        let dir = std::env::temp_dir().join(format!("istilahi-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("bad.txt");
        std::fs::write(&file, b"habari \xff za leo").unwrap();
        let err = read_text(&file).unwrap_err();
        assert!(
            err.to_string().ends_with("invalid UTF-8 at byte offset 7"),
            "{err}"
        );
        assert!(matches!(read_text(&dir), Err(Error::IsDirectory { .. })));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
