"""Mistakes a dependent's type checker must catch: every line marked ``# expected error`` is an error, and no other."""

from __future__ import annotations

import centralasia as ca

ev = [ca.Evidence(paragraph=1)]
agreement = ca.Agreement(id="agr", title="t", kind=ca.AgreementKind.BILATERAL_AGREEMENT, domain=ca.Domain.SECURITY, parties=["KAZ", "RUS"], evidence=ev)

ca.State(id="KAZ", name=705, evidence=ev)  # expected error
ca.State("KAZ", "Kazakhstan", ev)  # expected error
ca.Dataset(states=[agreement])  # expected error
ca.Scenario(id="s", title="t", horizon=ca.Horizon.LONG_TERM, outcome="o", evidence=ev, effects=[ev[0]])  # expected error
ca.Organization(id="o", name="O", kind=ca.OrganizationKind.INTERGOVERNMENTAL_ORGANIZATION, evidence=ev, members=["KAZ"])  # expected error
ca.State(id="KAZ", name="Kazakhstan", evidence=[agreement])  # expected error
not_a_state = ca.loads("{}").states[0].parties  # expected error
nor_this = ca.Dataset().lookup(ca.State, "KAZ").parties  # expected error
ca.Dataset().lookup(ca.Evidence, "KAZ")  # expected error
ca.to_frame(ca.load(), "event")  # expected error
ca.write_network(ca.weighted_network(ca.load()), "g.txt", "txt")  # expected error
ca.influence_scores(ca.weighted_network(ca.load()), "degree")  # expected error
