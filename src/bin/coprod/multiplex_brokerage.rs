//! `coprod multiplex-brokerage CASE`: Gould–Fernandez roles by the layers of the two ties.

use crate::output::OutputArgs;
use crate::view::ViewArgs;
use coprod::measures::brokerage::{BrokerageOptions, Role, multiplex_brokerage};
use coprod::model::Partition;

/// Options of `multiplex-brokerage`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// The case and view (the view's layers that hold a tie are the layers of the census).
    #[command(flatten)]
    pub view: ViewArgs,
    /// Partition of the actors: kind, sector, level, or a user column.
    #[arg(long, default_value = "sector")]
    pub partition: String,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}

const ROLE_NAMES: [&str; 5] = [
    "coordinator",
    "itinerant",
    "representative",
    "gatekeeper",
    "liaison",
];

/// `id,kind,sector,group,role,layer_in,layer_out,count`, one row per non-zero
/// cell of [`multiplex_brokerage`], in actor, role, layer order.
pub fn run(args: &Args) -> coprod::Result<()> {
    args.output.check_inputs(&args.view.case)?;
    let g = args.view.load()?;
    let view = args.view.view(&g)?;
    let (names, layers) = coprod::measures::multiplex::view_layer_csrs(&view);
    let partition = Partition::of_view(&view, &args.partition.parse()?)?;
    let x = multiplex_brokerage(&layers, &partition, &BrokerageOptions::default())?;
    let actors = view.actor_indices();
    let text = coprod::io::csv_string(|w| {
        w.write_record([
            "id",
            "kind",
            "sector",
            "group",
            "role",
            "layer_in",
            "layer_out",
            "count",
        ])?;
        for (d, &i) in actors.iter().enumerate() {
            let a = g.actor(i);
            for role in Role::ROLES {
                for (li, lin) in names.iter().enumerate() {
                    for (lo, lout) in names.iter().enumerate() {
                        let c = x[[d, role.index(), li, lo]];
                        if c != 0.0 {
                            w.write_record([
                                a.id.as_str(),
                                a.kind.as_str(),
                                a.sector().as_str(),
                                &partition.labels()[partition.group(d) as usize],
                                ROLE_NAMES[role.index()],
                                lin,
                                lout,
                                &c.to_string(),
                            ])?;
                        }
                    }
                }
            }
        }
        Ok(())
    });
    args.output.write(&text)
}
