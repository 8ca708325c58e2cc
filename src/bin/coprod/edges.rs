//! `coprod edges CASE`: a view's edge list, for other tools.

use crate::output::OutputArgs;
use crate::view::ViewArgs;

/// Options of `edges`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// The case and view.
    #[command(flatten)]
    pub view: ViewArgs,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `source,target,weight`, each edge of the view's snapshot once.
pub fn run(args: &Args) -> coprod::Result<()> {
    args.output.check_inputs(&args.view.case)?;
    let g = args.view.load()?;
    let view = args.view.view(&g)?;
    args.output.write(&coprod::io::edges_csv(&view))
}
