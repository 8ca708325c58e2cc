//! The Gould–Fernandez roles and the row of their counts, shared by the census
//! ([`brokerage`](super::brokerage)) and its null model
//! ([`gould_fernandez_null`](super::gould_fernandez_null)).

/// A Gould–Fernandez brokerage role of the broker `j` on an open 2-path `i → j → k`.
///
/// The discriminant is the column of the role in
/// [`Brokerage`](super::Brokerage)'s arrays, the column order of
/// `sna::brokerage` (`w_I, w_O, b_IO, b_OI, b_O, t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// `w_I`, coordinator: `i`, `j`, `k` all in one group.
    Coordinator = 0,
    /// `w_O`, itinerant (consultant): `i` and `k` in one group, `j` in another.
    Itinerant = 1,
    /// `b_IO`, representative: `i` in `j`'s group, `k` outside it.
    Representative = 2,
    /// `b_OI`, gatekeeper: `k` in `j`'s group, `i` outside it.
    Gatekeeper = 3,
    /// `b_O`, liaison: `i`, `j`, `k` in three different groups.
    Liaison = 4,
    /// `t`, the total of the five roles.
    Total = 5,
}

impl Role {
    /// The five roles, in column order (without the total).
    pub const ROLES: [Role; 5] = [
        Role::Coordinator,
        Role::Itinerant,
        Role::Representative,
        Role::Gatekeeper,
        Role::Liaison,
    ];

    /// All six columns, in `sna`'s order, the total last.
    pub const COLUMNS: [Role; 6] = [
        Role::Coordinator,
        Role::Itinerant,
        Role::Representative,
        Role::Gatekeeper,
        Role::Liaison,
        Role::Total,
    ];

    /// The column index (`0..6`).
    pub fn index(self) -> usize {
        self as usize
    }

    /// `sna`'s column name (`"w_I"`, `"w_O"`, `"b_IO"`, `"b_OI"`, `"b_O"`, `"t"`).
    pub fn sna_name(self) -> &'static str {
        ["w_I", "w_O", "b_IO", "b_OI", "b_O", "t"][self.index()]
    }

    /// The role of `j` on the 2-path `i → j → k`, from the three groups.
    #[inline]
    pub fn classify(gi: u32, gj: u32, gk: u32) -> Role {
        if gi == gj {
            if gj == gk {
                Role::Coordinator
            } else {
                Role::Representative
            }
        } else if gj == gk {
            Role::Gatekeeper
        } else if gi == gk {
            Role::Itinerant
        } else {
            Role::Liaison
        }
    }
}

/// The six columns of one actor or of the graph: `[w_I, w_O, b_IO, b_OI, b_O, t]`.
pub type RoleRow = [f64; 6];
