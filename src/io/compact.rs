//! The compact binary case file (`.coprod`) and the streaming CSV writer for
//! cases too large to hold as a [`MultiplexGraph`](crate::model::MultiplexGraph).
//!
//! The format is documented at [`read_compact`].

use super::case::CaseFile;
use super::write::{csv_number, csv_writer, write_error};
use crate::error::{Error, Result};
use crate::model::{CaseSource, CompactCase, IdPool, Kind, LayerSpec, Level, is_valid_weight};
use crate::progress::Progress;
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;

/// The first 8 bytes of a version-1 compact file.
pub const COMPACT_MAGIC: [u8; 8] = *b"coprod\0\x01";

/// The file extension of compact case files.
pub const COMPACT_EXTENSION: &str = "coprod";

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
/// Ties per buffered chunk when reading or writing.
const CHUNK: usize = 1 << 16;

fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    }
    h
}

/// A writer that hashes what goes through it.
struct Hashing<W: Write> {
    inner: W,
    hash: u64,
}

impl<W: Write> Hashing<W> {
    fn put(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.hash = fnv(self.hash, bytes);
        self.inner.write_all(bytes)
    }
}

/// Whether the file at `path` is a regular file that starts with
/// [`COMPACT_MAGIC`] (any read failure counts as no; a FIFO or a device is
/// not opened).
pub fn is_compact_file(path: impl AsRef<Path>) -> bool {
    let mut magic = [0u8; 8];
    super::input::check_regular_file(path.as_ref()).is_ok()
        && std::fs::File::open(path.as_ref())
            .and_then(|mut f| f.read_exact(&mut magic))
            .is_ok()
        && magic == COMPACT_MAGIC
}

/// Write `case` as a compact file at `path` (the format is at
/// [`read_compact`]), streaming: the ties are replayed twice (a count, then the
/// records), never collected. Returns the number of ties written. The file is
/// written under a temporary name and renamed into place ([`AtomicFile`](super::AtomicFile)),
/// so a failure leaves an old file at `path` intact.
///
/// ```
/// use coprod::model::CompactCase;
/// let g = coprod::cases::load("jinsong").unwrap();
/// let path = std::env::temp_dir().join("coprod-doctest-jinsong.coprod");
/// let ties = coprod::io::write_compact(&g, &path, coprod::progress::Progress::Hidden).unwrap();
/// assert_eq!(ties as usize, g.tie_count());
/// let back = coprod::io::read_compact(&path).unwrap();
/// assert_eq!(back, CompactCase::from_source(&g).unwrap());
/// # std::fs::remove_file(&path).ok();
/// ```
///
/// # Errors
/// [`Error::Io`] naming the file when it cannot be created or written;
/// [`Error::InvalidParameter`] for more than 255 layers, more than 2^32 − 1
/// actors, or an id longer than 2^32 − 1 bytes.
///
/// # Panics
/// Never: every kind and level is in its `ALL` list.
pub fn write_compact(
    case: &(impl CaseSource + ?Sized),
    path: impl AsRef<Path>,
    progress: Progress,
) -> Result<u64> {
    let path = path.as_ref();
    let layers = case.layers();
    if layers.len() > u8::MAX as usize {
        return Err(Error::InvalidParameter {
            name: "layers",
            reason: format!("{} layers; a compact file holds at most 255", layers.len()),
        });
    }
    let n = case.actor_count();
    if n > u32::MAX as usize {
        return Err(Error::InvalidParameter {
            name: "actors",
            reason: format!("{n} actors; a compact file indexes at most 2^32 - 1"),
        });
    }
    let m = case.ties().count() as u64;
    let weighted = case.weighted();
    let bar = progress.bar(m, &path.display().to_string(), "ties");
    let file = super::AtomicFile::create(path)?;
    let mut w = Hashing {
        inner: file,
        hash: FNV_OFFSET,
    };
    let io = |e| write_error(path, e);
    w.put(&COMPACT_MAGIC).map_err(io)?;
    for x in [n as u64, m, u64::from(weighted)] {
        w.put(&x.to_le_bytes()).map_err(io)?;
    }
    let meta = serde_json::to_vec(&*case.meta()).expect("case metadata serialises");
    let layer_json = serde_json::to_vec(&*layers).expect("layers serialise");
    for section in [&meta, &layer_json] {
        w.put(&(section.len() as u64).to_le_bytes()).map_err(io)?;
        w.put(section).map_err(io)?;
    }
    let mut pool_len = 0u64;
    for (id, _, _) in case.actors() {
        if id.len() > u32::MAX as usize {
            return Err(Error::InvalidParameter {
                name: "actor id",
                reason: format!("an id of {} bytes; at most 2^32 - 1", id.len()),
            });
        }
        pool_len += id.len() as u64;
    }
    w.put(&pool_len.to_le_bytes()).map_err(io)?;
    for (id, _, _) in case.actors() {
        w.put(id.as_bytes()).map_err(io)?;
    }
    let mut buf = Vec::with_capacity(CHUNK * 17);
    let flush = |w: &mut Hashing<_>, buf: &mut Vec<u8>, force: bool| {
        if force || buf.len() >= CHUNK * 8 {
            w.put(buf)?;
            buf.clear();
        }
        Ok::<(), std::io::Error>(())
    };
    for (id, _, _) in case.actors() {
        buf.extend_from_slice(&(id.len() as u32).to_le_bytes());
        flush(&mut w, &mut buf, false).map_err(io)?;
    }
    flush(&mut w, &mut buf, true).map_err(io)?;
    let kind_code = |k: Kind| Kind::ALL.iter().position(|&x| x == k).expect("a kind") as u8;
    let level_code = |l: Level| Level::ALL.iter().position(|&x| x == l).expect("a level") as u8;
    for (_, k, _) in case.actors() {
        buf.push(kind_code(k));
        flush(&mut w, &mut buf, false).map_err(io)?;
    }
    flush(&mut w, &mut buf, true).map_err(io)?;
    for (_, _, l) in case.actors() {
        buf.push(level_code(l));
        flush(&mut w, &mut buf, false).map_err(io)?;
    }
    flush(&mut w, &mut buf, true).map_err(io)?;
    for (u, v, l, wt) in case.ties() {
        buf.extend_from_slice(&u.to_le_bytes());
        buf.extend_from_slice(&v.to_le_bytes());
        buf.push(l);
        if weighted {
            buf.extend_from_slice(&wt.to_le_bytes());
        }
        if buf.len() >= CHUNK * 8 {
            bar.inc((buf.len() / if weighted { 17 } else { 9 }) as u64);
        }
        flush(&mut w, &mut buf, false).map_err(io)?;
    }
    flush(&mut w, &mut buf, true).map_err(io)?;
    bar.finish_and_clear();
    let hash = w.hash;
    w.inner.write_all(&hash.to_le_bytes()).map_err(io)?;
    w.inner.commit()?;
    Ok(m)
}

/// A reader that knows its offset.
struct Source<R: Read> {
    inner: R,
    offset: u64,
    path: std::path::PathBuf,
}

impl<R: Read> Source<R> {
    fn bad(&self, offset: u64, reason: impl Into<String>) -> Error {
        Error::BinaryFormat {
            path: self.path.clone(),
            offset,
            reason: reason.into(),
        }
    }

    /// Fill `buf` exactly, or say which section ended early.
    fn take(&mut self, buf: &mut [u8], section: &str) -> Result<()> {
        let mut got = 0;
        while got < buf.len() {
            match self.inner.read(&mut buf[got..]) {
                Ok(0) => {
                    return Err(self.bad(
                        self.offset + got as u64,
                        format!(
                            "the file ends inside {section} ({got} of {} bytes); it is truncated",
                            buf.len()
                        ),
                    ));
                }
                Ok(k) => got += k,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(source) => {
                    return Err(Error::Io {
                        path: self.path.clone(),
                        source,
                    });
                }
            }
        }
        self.offset += buf.len() as u64;
        Ok(())
    }

    fn u64(&mut self, section: &str) -> Result<u64> {
        let mut b = [0u8; 8];
        self.take(&mut b, section)?;
        Ok(u64::from_le_bytes(b))
    }

    /// A length-prefixed section, its length checked against `limit`.
    fn section(&mut self, section: &str, limit: u64) -> Result<Vec<u8>> {
        let at = self.offset;
        let len = self.u64(section)?;
        if len > limit {
            return Err(self.bad(
                at,
                format!("{section} claims {len} bytes, more than it may hold ({limit}: the file's size or the section's limit)"),
            ));
        }
        let mut v = vec![0u8; len as usize];
        self.take(&mut v, section)?;
        Ok(v)
    }
}

/// Check the checksum of the whole file (after the magic number, read
/// already) in a first pass, so that a damaged or truncated file is said to
/// be so before any value in it is judged; then rewind past the magic.
fn verify_checksum<R: Read + Seek>(r: &mut Source<R>, file_len: u64) -> Result<()> {
    let io = |source| Error::Io {
        path: r.path.clone(),
        source,
    };
    if file_len < 16 {
        return Err(r.bad(
            file_len,
            format!(
                "the file has {file_len} bytes, fewer than a header and checksum; it is truncated"
            ),
        ));
    }
    let body = file_len - 8;
    let mut hash = fnv(FNV_OFFSET, &COMPACT_MAGIC);
    let mut left = body - 8;
    let mut buf = vec![0u8; 1 << 20];
    while left > 0 {
        let k = left.min(buf.len() as u64) as usize;
        r.inner.read_exact(&mut buf[..k]).map_err(io)?;
        hash = fnv(hash, &buf[..k]);
        left -= k as u64;
    }
    let mut sum = [0u8; 8];
    r.inner.read_exact(&mut sum).map_err(io)?;
    if u64::from_le_bytes(sum) != hash {
        return Err(r.bad(
            body,
            format!(
                "checksum {:#018x} does not match the contents ({hash:#018x}); the file is damaged or truncated",
                u64::from_le_bytes(sum)
            ),
        ));
    }
    r.inner.seek(SeekFrom::Start(8)).map_err(io)?;
    Ok(())
}

/// Read a compact file.
///
/// # Format (version 1, every integer little-endian)
/// ```text
/// magic        8 bytes   "coprod\0\x01" (the last byte is the version)
/// n, m         u64, u64  actors, ties
/// flags        u64       bit 0: ties carry an f64 weight; other bits 0
/// meta         u64 length, then the case metadata as JSON (CaseMeta)
/// layers       u64 length, then the layers as JSON (LayerSpec list)
/// ids          u64 length, then every id concatenated (ASCII);
///              then n × u32: the length of each id
/// kinds        n × u8    index into Kind::ALL (party 0 … arena 6)
/// levels       n × u8    index into Level::ALL (district 0 … external 6)
/// ties         m × (source u32, target u32, layer u8 [, weight f64])
/// checksum     u64       FNV-1a (64-bit) of every byte before it
/// ```
/// A tie is 9 bytes (17 weighted) and an actor 6 bytes plus its id: a
/// 10^7-resident community (about 4 · 10^7 ties) is about 0.5 GB on disk and
/// in memory once read ([`CompactCase`]).
///
/// Reading checks everything a case-directory load checks that a binary file
/// can get wrong — ids valid and unique, kinds, levels and layers in range,
/// ends below `n`, no self-loop in a layer without them, weights finite and
/// positive — plus the sizes and the checksum (checked first, in a pass of
/// its own, so a damaged or truncated file is called that before any value
/// in it is judged), and stops at the first problem
/// with a [`Error::BinaryFormat`] naming the file, the byte offset and the
/// value; nothing is returned half-read.
///
/// # Errors
/// [`Error::Io`] when the file cannot be read; [`Error::BinaryFormat`] naming
/// the byte offset for a file that is not a version-1 compact file, is
/// truncated or has bytes after its checksum, fails its checksum, or holds an
/// invalid or repeated id, a kind, level or layer out of range, a tie end not
/// below `n`, a self-loop in a layer without them, or a weight that is not
/// finite and > 0.
///
/// # Panics
/// Never: every length is checked against the bytes present before it is
/// used, every id byte before it is sliced (a fuzz target, `read_compact`,
/// mutates files with their checksum fixed up to reach these checks).
pub fn read_compact(path: impl AsRef<Path>) -> Result<CompactCase> {
    let path = path.as_ref();
    super::input::check_regular_file(path)?;
    let file = std::fs::File::open(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let file_len = file
        .metadata()
        .map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?
        .len();
    read_compact_from(BufReader::with_capacity(1 << 20, file), file_len, path)
}

/// Read a compact file held in memory, as [`read_compact`] reads one on
/// disk (`name` names it in errors).
///
/// # Errors
/// As [`read_compact`].
pub fn read_compact_bytes(bytes: &[u8], name: impl AsRef<Path>) -> Result<CompactCase> {
    read_compact_from(
        std::io::Cursor::new(bytes),
        bytes.len() as u64,
        name.as_ref(),
    )
}

/// The longest metadata section a compact file may hold (64 MiB).
const MAX_META_BYTES: u64 = 64 << 20;
/// The longest layers section a compact file may hold (1 MiB).
const MAX_LAYER_BYTES: u64 = 1 << 20;

fn read_compact_from<R: Read + Seek>(inner: R, file_len: u64, path: &Path) -> Result<CompactCase> {
    let mut r = Source {
        inner,
        offset: 0,
        path: path.to_path_buf(),
    };
    let mut magic = [0u8; 8];
    r.take(&mut magic, "the magic number")?;
    if magic[..7] != COMPACT_MAGIC[..7] {
        return Err(r.bad(
            0,
            format!(
                "not a coprod compact file (it starts with {:?}, not {:?})",
                String::from_utf8_lossy(&magic),
                String::from_utf8_lossy(&COMPACT_MAGIC)
            ),
        ));
    }
    if magic[7] != COMPACT_MAGIC[7] {
        return Err(r.bad(
            7,
            format!(
                "version {} of the format; this coprod reads version 1",
                magic[7]
            ),
        ));
    }
    verify_checksum(&mut r, file_len)?;
    let n = r.u64("the header")?;
    let m = r.u64("the header")?;
    let flags_at = r.offset;
    let flags = r.u64("the header")?;
    if flags > 1 {
        return Err(r.bad(
            flags_at,
            format!("unknown flags {flags:#x} (only bit 0 is defined)"),
        ));
    }
    let weighted = flags & 1 == 1;
    let tie_bytes = if weighted { 17 } else { 9 };
    // What the fixed-size sections need, to refuse absurd sizes before allocating.
    let needed = n
        .checked_mul(6)
        .and_then(|a| m.checked_mul(tie_bytes).and_then(|b| a.checked_add(b)));
    if n > u64::from(u32::MAX) || needed.is_none_or(|x| x > file_len) {
        return Err(r.bad(
            8,
            format!("the header claims {n} actors and {m} ties, more than the {file_len}-byte file holds"),
        ));
    }
    let n = n as usize;
    let meta_at = r.offset;
    let meta = r.section("the metadata", file_len.min(MAX_META_BYTES))?;
    let meta: crate::model::CaseMeta = serde_json::from_slice(&meta)
        .map_err(|e| r.bad(meta_at, format!("the metadata is not valid JSON: {e}")))?;
    let layers_at = r.offset;
    let layers = r.section("the layers", file_len.min(MAX_LAYER_BYTES))?;
    let layers: Vec<LayerSpec> = serde_json::from_slice(&layers)
        .map_err(|e| r.bad(layers_at, format!("the layers are not valid JSON: {e}")))?;
    // The case invariants every reader enforces (id, layers, actors).
    if let Some(p) = crate::model::case_problems(&meta.id, &layers, n).first() {
        let at = if meta.id.is_empty() || crate::model::is_valid_id(&meta.id) {
            if n == 0 { 8 } else { layers_at }
        } else {
            meta_at
        };
        return Err(r.bad(at, p.clone()));
    }
    let pool_at = r.offset + 8;
    let pool_len = r.u64("the ids")?;
    if pool_len > file_len {
        return Err(r.bad(
            pool_at - 8,
            format!("the ids claim {pool_len} bytes, more than the file holds ({file_len})"),
        ));
    }
    // Read the ids a chunk at a time, each byte checked as it comes: a
    // damaged length is found at the first byte no id can hold, before the
    // whole claimed length is held in memory.
    let mut pool = Vec::with_capacity((pool_len as usize).min(1 << 20));
    let mut chunk = vec![0u8; 1 << 20];
    let mut left = pool_len;
    while left > 0 {
        let k = left.min(chunk.len() as u64) as usize;
        r.take(&mut chunk[..k], "the ids")?;
        if let Some(bad) = chunk[..k]
            .iter()
            .position(|&b| !crate::model::is_id_byte(b))
        {
            return Err(r.bad(
                pool_at + pool.len() as u64 + bad as u64,
                format!(
                    "byte {:#04x} in the ids, which no valid id holds ({})",
                    chunk[bad],
                    crate::model::ID_RULE
                ),
            ));
        }
        pool.extend_from_slice(&chunk[..k]);
        left -= k as u64;
    }
    drop(chunk);
    let lens_at = r.offset;
    let mut lens = vec![0u8; 4 * n];
    r.take(&mut lens, "the id lengths")?;
    let ids = crate::model::IdPool::from_parts(
        pool,
        lens.chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])),
    )
    .map_err(|(i, start, reason)| {
        let at = if reason.starts_with("the id lengths") {
            lens_at + 4 * i as u64
        } else {
            pool_at + start
        };
        r.bad(at, reason)
    })?;
    drop(lens);
    let id = |i: usize| ids.get(i);
    if let Some((a, b)) = ids.first_duplicate() {
        return Err(r.bad(
            pool_at + ids.start(b),
            format!("actor {b}: duplicate id `{}` (also actor {a})", id(b)),
        ));
    }
    let mut codes = vec![0u8; n];
    let kinds_at = r.offset;
    r.take(&mut codes, "the kinds")?;
    let mut kinds = Vec::with_capacity(n);
    for (i, &c) in codes.iter().enumerate() {
        kinds.push(*Kind::ALL.get(c as usize).ok_or_else(|| {
            r.bad(
                kinds_at + i as u64,
                format!(
                    "actor {i} (`{}`): kind code {c} is not below {}",
                    id(i),
                    Kind::ALL.len()
                ),
            )
        })?);
    }
    let levels_at = r.offset;
    r.take(&mut codes, "the levels")?;
    let mut levels = Vec::with_capacity(n);
    for (i, &c) in codes.iter().enumerate() {
        levels.push(*Level::ALL.get(c as usize).ok_or_else(|| {
            r.bad(
                levels_at + i as u64,
                format!(
                    "actor {i} (`{}`): level code {c} is not below {}",
                    id(i),
                    Level::ALL.len()
                ),
            )
        })?);
    }
    drop(codes);
    let m = m as usize;
    let mut source = Vec::with_capacity(m);
    let mut target = Vec::with_capacity(m);
    let mut layer = Vec::with_capacity(m);
    let mut weight = weighted.then(|| Vec::with_capacity(m));
    let tb = tie_bytes as usize;
    let mut total = 0f64;
    let mut buf = vec![0u8; CHUNK * tb];
    let mut k = 0usize;
    while k < m {
        let take = (m - k).min(CHUNK);
        let at = r.offset;
        r.take(&mut buf[..take * tb], "the ties")?;
        for (j, rec) in buf[..take * tb].chunks_exact(tb).enumerate() {
            let u = u32::from_le_bytes(rec[0..4].try_into().expect("4 bytes"));
            let v = u32::from_le_bytes(rec[4..8].try_into().expect("4 bytes"));
            let l = rec[8];
            let here = at + (j * tb) as u64;
            let t = k + j;
            if u as usize >= n || v as usize >= n {
                return Err(r.bad(
                    here,
                    format!(
                        "tie {t}: end {} is not below the {n} actors",
                        if u as usize >= n { u } else { v }
                    ),
                ));
            }
            let spec = layers.get(l as usize).ok_or_else(|| {
                r.bad(
                    here + 8,
                    format!(
                        "tie {t}: layer {l} is not below the {} layers",
                        layers.len()
                    ),
                )
            })?;
            if u == v && !spec.self_loops {
                return Err(r.bad(
                    here,
                    format!(
                        "tie {t}: self-loop on `{}` in layer `{}`, which forbids self-loops",
                        id(u as usize),
                        spec.name
                    ),
                ));
            }
            if let Some(ws) = weight.as_mut() {
                let w = f64::from_le_bytes(rec[9..17].try_into().expect("8 bytes"));
                if !is_valid_weight(w) {
                    return Err(r.bad(
                        here + 9,
                        format!(
                            "tie {t} (`{}` -> `{}`): weight {w} must be a finite number > 0",
                            id(u as usize),
                            id(v as usize)
                        ),
                    ));
                }
                if !(total + w).is_finite() {
                    return Err(r.bad(
                        here + 9,
                        format!(
                            "tie {t} (`{}` -> `{}`): weight {w:e} makes the sum of the case's weights infinite (the ties before it sum to {total:e})",
                            id(u as usize),
                            id(v as usize)
                        ),
                    ));
                }
                total += w;
                ws.push(w);
            }
            source.push(u);
            target.push(v);
            layer.push(l);
        }
        k += take;
    }
    if r.offset + 8 != file_len {
        return Err(r.bad(
            r.offset,
            format!(
                "{} bytes after the ties where the 8-byte checksum should be",
                file_len - r.offset
            ),
        ));
    }
    Ok(CompactCase {
        meta,
        layers,
        ids,
        kinds,
        levels,
        source,
        target,
        layer,
        weight,
    })
}

/// Write `case` as a case directory (`case.toml`, `actors.csv`, `ties.csv`,
/// created if missing; each written under a temporary name and renamed into
/// place once all are written), streaming the actors and ties: what
/// [`load_case_dir`](super::load_case_dir) reads back as the same case (no
/// labels, empty provenance, every tie `stated`). The ids are held once,
/// interned, to name the ties' ends.
///
/// ```
/// let g = coprod::cases::load("ly").unwrap();
/// let dir = std::env::temp_dir().join("coprod-doctest-ly-stream");
/// coprod::io::write_case_csv(&g, &dir, coprod::progress::Progress::Hidden).unwrap();
/// let back = coprod::io::load_case_dir(&dir).unwrap();
/// assert_eq!((back.actor_count(), back.tie_count()), (g.actor_count(), g.tie_count()));
/// # std::fs::remove_dir_all(&dir).ok();
/// ```
///
/// # Errors
/// [`Error::Io`] naming the directory or file that cannot be written;
/// [`Error::InvalidParameter`] as [`CompactCase::from_source`] for a tie
/// whose end or layer is out of range.
pub fn write_case_csv(
    case: &(impl CaseSource + ?Sized),
    dir: impl AsRef<Path>,
    progress: Progress,
) -> Result<()> {
    let dir = dir.as_ref();
    std::fs::create_dir_all(dir).map_err(|e| write_error(dir, e))?;
    let layers = case.layers();
    let extra = crate::model::extra_layers(&layers);
    let toml = dir.join("case.toml");
    super::write_file(
        &toml,
        &CaseFile::from_parts(case.meta().into_owned(), extra).to_toml(),
    )?;
    let actors_path = dir.join("actors.csv");
    let open = |p: &Path| super::AtomicFile::create(p).map(csv_writer);
    let csv_err = |p: &Path, e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(e) => write_error(p, e),
        other => write_error(p, std::io::Error::other(format!("{other:?}"))),
    };
    let mut w = open(&actors_path)?;
    w.write_record(["id", "kind", "level"])
        .map_err(|e| csv_err(&actors_path, e))?;
    let mut ids = IdPool::with_capacity(case.actor_count());
    for (id, k, l) in case.actors() {
        w.write_record([&*id, k.as_str(), l.as_str()])
            .map_err(|e| csv_err(&actors_path, e))?;
        ids.push(&id);
    }
    let actors_file = w
        .into_inner()
        .map_err(|e| write_error(&actors_path, e.into_error()))?;
    let id = |i: usize| ids.get(i);
    let ties_path = dir.join("ties.csv");
    let mut w = open(&ties_path)?;
    w.write_record(["source", "target", "layer", "weight"])
        .map_err(|e| csv_err(&ties_path, e))?;
    let n = ids.len();
    let bar = progress.bar(0, &ties_path.display().to_string(), "ties");
    bar.set_length(if bar.is_hidden() {
        0
    } else {
        case.ties().count() as u64
    });
    for (k, (u, v, l, wt)) in case.ties().enumerate() {
        if k % CHUNK == 0 {
            bar.set_position(k as u64);
        }
        let name = layers.get(l as usize).map(|s| s.name.as_str());
        let (Some(name), true) = (name, (u as usize) < n && (v as usize) < n) else {
            return Err(Error::InvalidParameter {
                name: "ties",
                reason: format!("tie ({u}, {v}) of layer {l}: an end or the layer is out of range"),
            });
        };
        let weight = if wt == 1.0 {
            String::new()
        } else {
            csv_number(wt)
        };
        w.write_record([id(u as usize), id(v as usize), name, &weight])
            .map_err(|e| csv_err(&ties_path, e))?;
    }
    bar.finish_and_clear();
    let ties_file = w
        .into_inner()
        .map_err(|e| write_error(&ties_path, e.into_error()))?;
    // Every file whole before any replaces an old one.
    actors_file.commit()?;
    ties_file.commit()
}
