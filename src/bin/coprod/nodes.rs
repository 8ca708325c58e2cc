//! `coprod nodes CASE`: a view's actors, in the view's order.

use crate::output::OutputArgs;
use crate::view::ViewArgs;

/// Options of `nodes`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// The case and view.
    #[command(flatten)]
    pub view: ViewArgs,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `id,kind,sector,level` of the view's actors.
pub fn run(args: &Args) -> coprod::Result<()> {
    args.output.check_inputs(&args.view.case)?;
    let g = args.view.load()?;
    let view = args.view.view(&g)?;
    args.output.write(&coprod::io::nodes_csv(&view))
}
