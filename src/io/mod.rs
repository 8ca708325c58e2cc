//! Reading and writing graphs: the case-directory format and JSON.
//!
//! A case directory holds `case.toml` (metadata, facts, extra layers),
//! `actors.csv` (`id,label,label_zh,kind,level,size,doc,quote` plus user
//! columns) and `ties.csv` (`source,target,layer,weight,doc,quote`, and an
//! optional `certainty`); see
//! `data/FORMAT.md`. Loading is all-or-nothing and reports every problem with
//! its file, line, column and value.

mod case;
mod export;
mod json;
mod table;
mod write;

pub use case::{
    ACTOR_COLUMNS, CERTAINTY_COLUMN, TIE_COLUMNS, actors_csv, case_toml, load_case_bytes,
    load_case_dir, load_case_str, ties_csv, write_case_dir,
};
pub use export::{edges_csv, nodes_csv};
pub use json::{from_json, to_json};
pub use write::csv_string;
pub use write::{csv_number, csv_writer, json_number, write_error, write_file};
