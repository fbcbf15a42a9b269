# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # The great bargain, in data
#
# Daniyar Kosnazarov and Iskander Akylbayev's 2016 article *The Great Bargain
# between Russia and China for Central Asia* argues that:
#
# 1. Moscow and Beijing share an interest in a stable Central Asia, and keep other
#    powers out;
# 2. under an established **division of labour**, Russia is the region's security
#    guarantor and China its economic developer;
# 3. China is becoming a security actor too (counter-terrorism, border outposts,
#    arms supplies), which challenges that division;
# 4. Russia stays the key security player in the short to medium term, but several
#    scenarios could change that;
# 5. Central Asian states would rather be partners of both powers, engaged in a
#    balanced manner.
#
# This notebook follows that argument with the `centralasia` dataset: every record
# cites the paragraph it comes from, so each number below can be traced to the text.

# %%
# %matplotlib inline
import centralasia as ca
from centralasia.export import to_frame
from centralasia.plot import influence_map, robustness_chart

ds = ca.load()
print(f"{len(ds)} records; the five Central Asian states:", ", ".join(ca.actors.central_asian_states(ds)))

# %% [markdown]
# ## 1. The division of labour
#
# The article's own role claims, as a table (pandas is an optional extra):

# %%
roles = to_frame(ds, "roles")
roles[["actor", "role", "domain", "trend", "certainty", "paragraphs"]]

# %% [markdown]
# Reading it three ways, counting each statement of the article once: the authors'
# **assessments** (their role verdicts), the **acts** they report (directed leverage
# such as arms supplies; agreements, visits and memberships shown beside as ties),
# and the **momentum** of their claims. Each share shows the claims behind it (`n`);
# `*` marks a cell under two votes (no leader is named), `~` a state no claim names,
# "—" no claim at all.

# %%
r = ca.readings(ds)
print(r)
assert r.leader("security") == "RUS" and r.leader("economic") == "CHN"
assert r.leader("security", track="acts") == "CHN"

# %% [markdown]
# The influence network of every record's edges, one panel per domain: a picture of how
# the records link the actors, not a reading of influence. Arrows run from the actor
# that gains influence to the one it gains it over; widths add up the weights.

# %%
G = ca.influence_network(ds)
influence_map(G, ds)

# %% [markdown]
# ## 2. Where the tracks part
#
# The authors' verdict gives Russia the security lead; the directed leverage the
# article reports (arms supplies, announced outposts) is all China's; Russia's
# reported acts are visits (engagement, shown as ties) and statements (attention, never
# influence). Each assessment claim beside the acts over the same states:

# %%
print(r.agreement_with_article())

# %% [markdown]
# The acts behind China's lead over Uzbekistan are two claims of leverage (arms
# supplies), both passed on as reported:

# %%
for vote in ca.votes(ds):
    if vote.over == "UZB" and vote.track is ca.Track.ACTS and vote.domain is ca.Domain.SECURITY and vote.tier is ca.Tier.LEVERAGE:
        print(vote.claim, vote.tier.value, vote.certainty.value, vote.records)

# %% [markdown]
# ## 3. How far each reading holds
#
# Sampling the choices the article does not settle (tier sizes, keeping their order;
# each claim kept with the probability of its certainty; pooling, regional expansion
# and ties) gives each share an interval and each power a chance to lead:

# %%
rob = ca.robustness(ds, draws=1000, seed=0)
print(rob)
robustness_chart(rob)

# %% [markdown]
# Which paragraphs carry each reading: the readings without one paragraph at a time.

# %%
for effect in ca.leave_one_paragraph_out(ds):
    if effect.changes_leader:
        print(
            f"without paragraph {effect.paragraph}: {effect.track.value} {effect.domain.value} leader {effect.leader_before} -> {effect.leader_after or 'none'}"
        )

# %% [markdown]
# ## 4. The scenarios
#
# The article sketches futures in which the bargain shifts, without sizes. Each is read
# as a shift of the assessments: which way each share moves, and from which shift the
# lead would change.

# %%
for scenario in ds.scenarios:
    print(ca.scenario_shifts(ds, scenario))

# %% [markdown]
# ## 5. What Central Asian states want
#
# The article ends with the states' wish to be indispensable partners of both powers,
# engaged "in a balanced manner". Balance is 1 when two powers share a domain evenly
# and is computed only where the cell is supported (two votes or more) and two powers
# have a score (see the methodology page): the
# assessments give the economy to China alone, and the diplomatic field rests on a
# single claim.

# %%
for domain in ca.Domain:
    value = r.balance(domain)
    print(f"{domain.value}: balance {'—' if value is None else f'{value:.2f}'}")
