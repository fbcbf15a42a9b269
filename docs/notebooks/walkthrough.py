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
#    arms sales), which challenges that division;
# 4. Russia stays the key security player in the short to medium term, but several
#    scenarios could change that;
# 5. Central Asian states would rather engage both powers in every field.
#
# This notebook follows that argument with the `centralasia` dataset: every record
# cites the paragraph it comes from, so each number below can be traced to the text.

# %%
# %matplotlib inline
import centralasia as ca
from centralasia.export import to_frame
from centralasia.plot import influence_map, role_shares

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
# Computing it instead of reading it: each power's share of the summed weight of its
# edges to the Central Asian states, per domain (the weights are explained in the
# methodology). Russia leads security and China the economy: the division of labour.

# %%
baseline = ca.role_summary(ds)
print(baseline)
assert baseline.leader("security") == "RUS" and baseline.leader("economic") == "CHN"

# %% [markdown]
# The influence network behind those numbers, one panel per domain. Arrows run from
# the actor that gains influence to the one it gains it over; widths add up the weights.

# %%
G = ca.influence_network(ds)
influence_map(G, ds)

# %% [markdown]
# ## 2. Where does the claim come from?
#
# Every share can be taken apart into the records behind it, with their evidence.
# China's security role in Uzbekistan rests on arms it is reported to have supplied (the
# article passes these on as reported, so they count at the reported weight) and on the
# authors' assessment of its growing security role:

# %%
print(baseline.explain("CHN", "security", over="UZB"))

# %% [markdown]
# ## 3. China's move into security, over time
#
# Records with a date count from that date on; undated ones, such as the roles the
# article describes as standing, count from the article's own time (October 2016).
# Before it, only what is dated counts, and that is mostly China's reported 2015 arms
# deliveries and its 2016 agreements: those rows are marked "dated only", and they are
# not the article's reading of those dates. At the article's time Russia leads.

# %%
for date in ["2001", "2015", "2016-02", "2016-08", "2016-12"]:
    summary = ca.role_summary(ds, as_of=date)
    dated_only = " (dated only)" if ca.PartialDate.parse(date).latest < ca.ARTICLE_TIME.earliest else ""
    print(f"as of {date:<8} China's security share {summary.share('CHN', 'security'):.2f}, leader {summary.leader('security')}{dated_only}")

# %% [markdown]
# ## 4. The scenarios
#
# The article sketches futures in which the bargain shifts. Applying each one's
# effects to the network and computing the shares again:

# %%
scenarios = [ca.role_summary(ds, scenario=s.id) for s in ds.scenarios]
for summary in scenarios:
    assert summary.scenario is not None
    print(f"{summary.scenario.id:<36} security leader: {summary.leader('security') or 'tie'}")
role_shares(baseline, *scenarios)

# %% [markdown]
# The long-term scenario in words:

# %%
print(ca.compare(baseline, ca.role_summary(ds, scenario="scn-chinese-security-challenge")).text())

# %% [markdown]
# ## 5. What Central Asian states want
#
# The article ends with the states' wish to be indispensable partners of both powers,
# engaged "in a balanced manner". The balance score is 1 when the powers are equally
# engaged in each domain and 0 when one holds a domain alone: a strict division of
# labour scores low.

# %%
for state, value in baseline.balances().items():
    print(f"{state}: balance {value:.2f}")
