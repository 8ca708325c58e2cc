//! `coprod cases`: the bundled cases.

use crate::output::OutputArgs;

/// Options of `cases`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// One line per bundled case: actors by kind, ties by layer.
pub fn run(args: &Args) -> coprod::Result<()> {
    let mut text = String::new();
    for name in coprod::cases::names() {
        text.push_str(&format!(
            "{name}: {}\n",
            coprod::cases::load(name)?.summary_line()
        ));
    }
    args.output.write(&text)
}
