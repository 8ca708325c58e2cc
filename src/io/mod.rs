//! Reading and writing graphs: the case-directory format, JSON, and exports
//! for other tools ([`export`]: GraphML, GEXF, Pajek, UCINET DL, node-link
//! JSON, DOT).
//!
//! A case directory holds an optional `case.toml` (metadata, facts, extra
//! layers), `actors.csv` (`id,kind,level` required; `label`, `label_zh`,
//! `size`, `doc`, `quote` optional; any other column a user attribute) and
//! `ties.csv` (`source,target,layer` required; `weight`, `doc`, `quote`,
//! `certainty` optional); see `data/FORMAT.md`. Files may be UTF-8, GB18030
//! or UTF-16 with a byte-order mark, and separated by `,`, `;` or tabs.
//! Loading is all-or-nothing and reports every problem with its file, line,
//! column and value.

mod case;
mod case_write;
mod compact;
mod export;
mod input;
mod json;
mod loaded;
mod table;
mod text;
mod write;

pub use case::{
    ACTOR_COLUMNS, CERTAINTY_COLUMN, REQUIRED_ACTOR_COLUMNS, REQUIRED_TIE_COLUMNS, TIE_COLUMNS,
    load_case_bytes, load_case_bytes_with_notes, load_case_dir, load_case_dir_with_notes,
    load_case_str,
};
pub use case_write::{actors_csv, case_toml, ties_csv, write_case_dir};
pub use compact::{
    COMPACT_EXTENSION, COMPACT_MAGIC, is_compact_file, read_compact, read_compact_bytes,
    write_case_csv, write_compact,
};
pub use export::{
    ExportFormat, edges_csv, export, nodes_csv, to_dot, to_gexf, to_graphml, to_node_link_json,
    to_pajek, to_ucinet_dl,
};
pub use input::{MAX_COLUMNS, MAX_CSV_BYTES, MAX_FIELD_BYTES, MAX_TOML_BYTES};
pub use json::{from_json, to_json};
pub use loaded::{LoadNote, Loaded};
pub use write::csv_string;
pub use write::{AtomicFile, csv_number, csv_writer, json_number, write_error, write_file};
