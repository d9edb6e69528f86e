#!/usr/bin/env python3
"""Write networkx_fixtures.json: expected centrality values for small graphs.

Run with networkx installed (Debian: python3-networkx):
    python3 networkx_fixtures.py > networkx_fixtures.json
The Go tests only read the JSON; they never need networkx.

Each graph is a DiGraph whose edge attribute "weight" is the number of events
on the ordered pair and "cost" = 1/weight. A measure is left out when
networkx's answer is not unique (a repeated leading singular value for HITS)
or when networkx itself fails to converge.
"""
import json
import sys

import networkx as nx
import numpy as np

NEWS_ACTORS = ["china", "india", "iran", "modi", "nato", "pakistan", "putin",
               "russia", "saudi-arabia", "taliban", "united-states", "xi"]
# (source, target, symmetric, repeats): repeats events of the same kind.
NEWS_EVENTS = [
    ("russia", "pakistan", True, 3), ("russia", "india", True, 2),
    ("india", "pakistan", False, 4), ("pakistan", "india", False, 1),
    ("putin", "modi", True, 1), ("putin", "russia", False, 1),
    ("modi", "india", False, 1), ("china", "pakistan", True, 2),
    ("xi", "china", False, 1), ("xi", "putin", True, 1),
    ("united-states", "pakistan", False, 2), ("united-states", "india", True, 1),
    ("united-states", "taliban", False, 3), ("taliban", "pakistan", False, 1),
    ("nato", "russia", False, 1), ("united-states", "nato", True, 1),
    ("iran", "pakistan", False, 1), ("saudi-arabia", "pakistan", True, 1),
    ("china", "india", False, 1),
]


def news_graph():
    g = nx.DiGraph()
    g.add_nodes_from(range(len(NEWS_ACTORS)))
    idx = {a: i for i, a in enumerate(NEWS_ACTORS)}

    def add(u, v, k):
        w = g.edges[u, v]["weight"] + k if g.has_edge(u, v) else k
        g.add_edge(u, v, weight=w)

    for s, t, sym, k in NEWS_EVENTS:
        add(idx[s], idx[t], k)
        if sym:
            add(idx[t], idx[s], k)
    return g


def graphs():
    star = nx.DiGraph()
    star.add_weighted_edges_from([(0, i, i) for i in range(1, 6)] + [(3, 0, 2), (4, 0, 1)])
    yield "star", star

    path = nx.DiGraph()
    path.add_weighted_edges_from([(i, i + 1, 1 + i % 2) for i in range(5)])
    yield "path", path

    cycle = nx.DiGraph()
    cycle.add_weighted_edges_from([(i, (i + 1) % 6, 1) for i in range(6)] + [(0, 3, 2)])
    yield "cycle", cycle

    yield "news", news_graph()

    iso = nx.DiGraph()
    iso.add_nodes_from(range(9))  # 7 and 8 stay isolated
    iso.add_weighted_edges_from([(0, 1, 1), (1, 2, 2), (2, 0, 1), (2, 3, 3), (3, 4, 1),
                                 (5, 3, 1), (5, 6, 2), (1, 6, 1)])  # 4 and 6 are dangling
    yield "isolated_dangling", iso

    # Equal-cost alternatives: weighted and unweighted path counts differ.
    diamond = nx.DiGraph()
    diamond.add_weighted_edges_from([(0, 1, 1), (0, 2, 1), (1, 3, 1), (2, 3, 1), (3, 4, 2),
                                     (1, 2, 4), (4, 0, 1), (2, 4, 1)])
    yield "diamond", diamond


def unique_leading_singular(g):
    a = nx.to_numpy_array(g, nodelist=sorted(g), weight="weight")
    s = np.linalg.svd(a, compute_uv=False)
    return len(s) < 2 or s[0] - s[1] > 1e-6 * max(s[0], 1)


def by_node(d, g):
    return [float(d[n]) for n in sorted(g)]


def main():
    out = []
    for name, g in graphs():
        for u, v, d in g.edges(data=True):
            d["cost"] = 1.0 / d["weight"]
        n = g.number_of_nodes()
        exp = {
            "degree": nx.degree_centrality(g) if n > 1 else {v: 1.0 for v in g},
            "in": nx.in_degree_centrality(g),
            "out": nx.out_degree_centrality(g),
            "degree_weighted": dict(g.degree(weight="weight")),
            "in_weighted": dict(g.in_degree(weight="weight")),
            "out_weighted": dict(g.out_degree(weight="weight")),
            "betweenness": nx.betweenness_centrality(g, normalized=False),
            "betweenness_weighted": nx.betweenness_centrality(g, normalized=False, weight="cost"),
            "closeness": nx.closeness_centrality(g),
            "closeness_weighted": nx.closeness_centrality(g, distance="cost"),
            "harmonic": nx.harmonic_centrality(g),
            "harmonic_weighted": nx.harmonic_centrality(g, distance="cost"),
            "pagerank": nx.pagerank(g, alpha=0.85, weight="weight"),
        }
        # Undirected projection: weight = sum over both directions.
        ug = nx.Graph()
        ug.add_nodes_from(g)
        for u, v, d in g.edges(data=True):
            w = ug.edges[u, v]["weight"] + d["weight"] if ug.has_edge(u, v) else d["weight"]
            ug.add_edge(u, v, weight=w)
        exp["betweenness_undirected"] = nx.betweenness_centrality(ug, normalized=False)
        if unique_leading_singular(g):
            h, a = nx.hits(g, max_iter=10000, tol=1e-12)
            exp["hits_hub"], exp["hits_authority"] = h, a
        for key, w in (("eigenvector", None), ("eigenvector_weighted", "weight")):
            try:
                exp[key] = nx.eigenvector_centrality(g, weight=w)
            except nx.PowerIterationFailedConvergence:
                pass
        out.append({
            "name": name,
            "nodes": sorted(g),
            "labels": NEWS_ACTORS if name == "news" else [],
            "edges": [[u, v, d["weight"]] for u, v, d in sorted(g.edges(data=True))],
            "expected": {k: by_node(v, g) for k, v in sorted(exp.items())},
        })
    json.dump({"networkx": nx.__version__, "graphs": out}, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
