"""Published statnet ergm estimates, keyed by (fixture name, formula).

Transcribed from the statnet development team's ergm workshop tutorial, whose rendered output is
committed in github.com/statnet/Workshops (now statnet/Workshops----OBSOLETE):

- TUT2022: "Introduction to Exponential-family Random Graph Models with ergm", Sunbelt 2022,
  file ergm/ergm_tutorial.html at commit 48b1ee8 (2022-07-05), run with ergm 4.2.2
  (packageVersion("ergm") printed in the file); published at https://statnet.org/workshop-ergm/.
- TUT2017: the earlier version of the same tutorial, file docs/ergm_tutorial.html at commit
  b70f613 (2019-06-18; sessionInfo() in the file: ergm 3.8.0, R 3.4.1).

Estimates are as printed (4 or 6 significant digits). Monte Carlo fits (those with a
dyad-dependent term) carry the tutorial's own MCMC error: ergm 4.2.2 and 3.8.0 printed
edges + triangle on flomarriage as -1.6900 (0.3620), 0.1901 (0.5982) and -1.6761 (0.3485),
0.1469 (0.5668), and edges + mutual on samplk3 as -2.1639 (0.2211), 2.3118 (0.4860) and
-2.1569 (0.2158), 2.2997 (0.4811). A coefficient ergm printed as -Inf (its observed statistic
at the smallest attainable value) is None, with se None (ergm printed 0.0000).
"""

TUT2022 = ("statnet ergm workshop tutorial, Sunbelt 2022 (ergm 4.2.2), "
           "https://statnet.org/workshop-ergm/ergm_tutorial.html; rendered output in "
           "github.com/statnet/Workshops----OBSOLETE, ergm/ergm_tutorial.html, commit 48b1ee8")
TUT2017 = ("statnet ergm workshop tutorial, 2017-2019 version (ergm 3.8.0), rendered output in "
           "github.com/statnet/Workshops----OBSOLETE, docs/ergm_tutorial.html, commit b70f613")


def _p(terms, coef, se, source, model):
    return {"terms": terms, "coef": coef, "se": se, "source": f"{source}: {model}"}


PUBLISHED: dict = {
    ("florentine_marriage", "edges"): _p(
        ["edges"], [-1.6094], [0.2449], TUT2022, "flomodel.01 <- ergm(flomarriage ~ edges)"),
    ("florentine_marriage", "edges + triangle"): _p(
        ["edges", "triangle"], [-1.6900, 0.1901], [0.3620, 0.5982], TUT2022,
        "flomodel.02 <- ergm(flomarriage ~ edges + triangle), Monte Carlo MLE"),
    ("florentine_marriage", 'edges + nodecov("wealth")'): _p(
        ["edges", "nodecov.wealth"], [-2.594929, 0.010546], [0.536056, 0.004674], TUT2022,
        "flomodel.03 <- ergm(flomarriage ~ edges + nodecov('wealth'))"),
    ("samplk3", "edges + mutual"): _p(
        ["edges", "mutual"], [-2.1639, 2.3118], [0.2211, 0.4860], TUT2022,
        "sampmodel.01 <- ergm(samplk3 ~ edges + mutual) after set.seed(3), Monte Carlo MLE"),
    ("faux_mesa_high", 'edges + nodefactor("Grade") + nodematch("Grade", diff=TRUE) + '
                       'nodefactor("Race") + nodematch("Race", diff=TRUE)'): _p(
        ["edges", "nodefactor.Grade.8", "nodefactor.Grade.9", "nodefactor.Grade.10",
         "nodefactor.Grade.11", "nodefactor.Grade.12", "nodematch.Grade.7", "nodematch.Grade.8",
         "nodematch.Grade.9", "nodematch.Grade.10", "nodematch.Grade.11", "nodematch.Grade.12",
         "nodefactor.Race.Hisp", "nodefactor.Race.NatAm", "nodefactor.Race.Other",
         "nodefactor.Race.White", "nodematch.Race.Black", "nodematch.Race.Hisp",
         "nodematch.Race.NatAm", "nodematch.Race.Other", "nodematch.Race.White"],
        [-8.0538, 1.5201, 2.5284, 2.8652, 2.6291, 3.4629, 7.4662, 4.2882, 2.0371, 1.2489, 2.4521,
         1.2987, -1.6659, -1.4725, -2.9618, -0.8488, None, 0.6912, 1.2482, None, 0.3140],
        [1.2561, 0.6858, 0.6493, 0.6512, 0.6563, 0.6566, 1.1730, 0.7150, 0.5538, 0.6233, 0.6124,
         0.6981, 0.2963, 0.2869, 1.0372, 0.2958, None, 0.3451, 0.3550, None, 0.6405],
        TUT2022, "fauxmodel.01 <- ergm(mesa ~ edges + nodefactor('Grade') + nodematch('Grade', "
                 "diff=T) + nodefactor('Race') + nodematch('Race', diff=T)); nodematch.Race.Black "
                 "and nodematch.Race.Other printed as -Inf"),
    ("faux_mesa_high", 'edges + nodematch("Grade", diff=TRUE) + nodematch("Race", diff=TRUE)'): _p(
        ["edges", "nodematch.Grade.7", "nodematch.Grade.8", "nodematch.Grade.9",
         "nodematch.Grade.10", "nodematch.Grade.11", "nodematch.Grade.12", "nodematch.Race.Black",
         "nodematch.Race.Hisp", "nodematch.Race.NatAm", "nodematch.Race.Other", "nodematch.Race.White"],
        [-6.2328, 2.8740, 2.8788, 2.4642, 2.5692, 3.2921, 3.8376, None, 0.0679, 0.9817, None, 1.2685],
        [0.1742, 0.1981, 0.2391, 0.2647, 0.3770, 0.2978, 0.4592, None, 0.1737, 0.1842, None, 0.5371],
        TUT2017, "fauxmodel.01 <- ergm(mesa ~ edges + nodematch('Grade', diff=T) + "
                 "nodematch('Race', diff=T)); nodematch.Race.Black and nodematch.Race.Other printed as -Inf"),
}
