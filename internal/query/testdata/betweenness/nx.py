# networkx betweenness on edges.csv (Debian python3-networkx: /usr/bin/python3 nx.py).
import csv, time, networkx as nx
t = time.process_time(); w = time.time()
G = nx.DiGraph()
for r in csv.DictReader(open("edges.csv")):
    G.add_edge(r["source"], r["target"])
b = nx.betweenness_centrality(G, normalized=False)
top = sorted(b.items(), key=lambda x: -x[1])[:3]
print("networkx", G.number_of_nodes(), G.number_of_edges(), top, "cpu %.1fs wall %.1fs" % (time.process_time() - t, time.time() - w))
