//! What the command line names, as a list of inputs: files, standard input, and the files of
//! directories (walked recursively, in name order, chosen by glob patterns).
//!
//! Takes the paths and the `--glob` patterns; gives one [`Input`] per file, in order, and one
//! error per path that cannot be read, in its place, so a batch reports it and goes on.

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// The file-name patterns a directory walk takes when no `--glob` is given.
pub const DEFAULT_GLOBS: &[&str] = &["*.htm*", "*.htm*.gz", "*.warc", "*.warc.gz"];

/// One input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file; `relative`, its path below the directory that was walked (the file name for a
    /// file named on the command line), for `--output-dir`.
    File { path: PathBuf, relative: PathBuf },
}

impl Input {
    /// How the input is named in output and messages.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File { path, .. } => path.display().to_string(),
        }
    }
}

/// An input that cannot be read, in its place in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub name: String,
    pub error: String,
}

/// Compiles the `--glob` patterns (the defaults when there are none).
pub fn glob_set(patterns: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    let defaults: Vec<String> = DEFAULT_GLOBS.iter().map(|g| g.to_string()).collect();
    let patterns = if patterns.is_empty() { &defaults } else { patterns };
    for pattern in patterns {
        // File names match whatever their case (`INDEX.HTML`).
        let glob = GlobBuilder::new(pattern)
            .case_insensitive(true)
            .build()
            .map_err(|e| format!("invalid --glob `{pattern}`: {e}"))?;
        builder.add(glob);
    }
    builder.build().map_err(|e| format!("invalid --glob: {e}"))
}

/// Expands the command line's paths (none: standard input) into inputs.
pub fn expand(paths: &[PathBuf], globs: &GlobSet) -> Vec<Result<Input, InputError>> {
    if paths.is_empty() {
        return vec![Ok(Input::Stdin)];
    }
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Ok(Input::Stdin));
        } else if path.is_dir() {
            walk(path, globs, &mut inputs);
        } else {
            let relative = path.file_name().map(PathBuf::from).unwrap_or_else(|| path.clone());
            inputs.push(Ok(Input::File {
                path: path.clone(),
                relative,
            }));
        }
    }
    inputs
}

/// Whether any path is a directory (a batch even when it holds one file).
pub fn names_a_directory(paths: &[PathBuf]) -> bool {
    paths.iter().any(|p| p.is_dir())
}

fn walk(root: &Path, globs: &GlobSet, inputs: &mut Vec<Result<Input, InputError>>) {
    let walker = walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name();
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() && globs.is_match(entry.file_name()) => {
                let path = entry.path().to_path_buf();
                let relative = path
                    .strip_prefix(root)
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|_| path.clone());
                inputs.push(Ok(Input::File { path, relative }));
            }
            Ok(_) => {}
            Err(e) => inputs.push(Err(InputError {
                name: e
                    .path()
                    .map_or_else(|| root.display().to_string(), |p| p.display().to_string()),
                error: e.to_string(),
            })),
        }
    }
}

/// An opened input: its bytes (gzip undone) and whether they are a WARC archive.
pub struct Opened {
    pub reader: Box<dyn BufRead + Send>,
    /// The archive is a WARC, compressed when `gzip` (read it record by record).
    pub warc: bool,
    pub gzip: bool,
    /// The file's size in bytes, when known.
    pub size: Option<u64>,
}

/// Opens an input. A WARC archive is told by its first bytes (`WARC/`), compressed or not;
/// other gzip files are decompressed here.
pub fn open(input: &Input) -> io::Result<Opened> {
    let (raw, size): (Box<dyn Read + Send>, _) = match input {
        Input::Stdin => (Box::new(io::stdin()), None),
        Input::File { path, .. } => {
            let file = File::open(path).map_err(|e| io::Error::new(e.kind(), format!("cannot open: {e}")))?;
            let size = file.metadata().ok().map(|m| m.len());
            (Box::new(file), size)
        }
    };
    let mut reader = BufReader::with_capacity(256 * 1024, raw);
    let head = reader.fill_buf()?;
    let gzip = head.starts_with(&[0x1f, 0x8b]);
    let warc = if gzip {
        gzip_starts_with(head, b"WARC/")
    } else {
        head.starts_with(b"WARC/")
    };
    let reader: Box<dyn BufRead + Send> = if gzip && !warc {
        Box::new(BufReader::with_capacity(
            64 * 1024,
            GzipReader(flate2::bufread::MultiGzDecoder::new(reader)),
        ))
    } else {
        Box::new(reader)
    };
    Ok(Opened {
        reader,
        warc,
        gzip,
        size,
    })
}

/// Whether the gzip data that starts `head` decompresses to text starting with `prefix`.
fn gzip_starts_with(head: &[u8], prefix: &[u8]) -> bool {
    let mut start = vec![0u8; prefix.len()];
    let mut decoder = flate2::bufread::GzDecoder::new(head);
    decoder.read_exact(&mut start).is_ok() && start == prefix
}

/// Names gzip failures as such ("truncated gzip input" rather than a bare "unexpected end of file").
pub struct GzipReader<R>(pub R);

impl<R: Read> Read for GzipReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(|e| {
            let what = if e.kind() == io::ErrorKind::UnexpectedEof {
                "truncated gzip input".to_string()
            } else {
                format!("invalid gzip input: {e}")
            };
            io::Error::new(e.kind(), what)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_is_walked_in_name_order_through_the_globs() {
        let dir = std::env::temp_dir().join(format!("stripwall-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("b")).unwrap();
        for name in ["b/z.html", "a.htm", "c.html.gz", "notes.txt"] {
            std::fs::write(dir.join(name), "x").unwrap();
        }
        let inputs = expand(std::slice::from_ref(&dir), &glob_set(&[]).unwrap());
        let names: Vec<PathBuf> = inputs
            .into_iter()
            .map(|i| match i.unwrap() {
                Input::File { relative, .. } => relative,
                Input::Stdin => unreachable!(),
            })
            .collect();
        assert_eq!(
            names,
            vec![
                PathBuf::from("a.htm"),
                PathBuf::from("b/z.html"),
                PathBuf::from("c.html.gz")
            ]
        );
        let txt = expand(std::slice::from_ref(&dir), &glob_set(&["*.txt".into()]).unwrap());
        assert_eq!(txt.len(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_bad_glob_is_named() {
        assert!(glob_set(&["a[".into()]).unwrap_err().contains("invalid --glob `a[`"));
    }
}
