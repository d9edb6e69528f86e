# igraph betweenness on edges.csv (Debian python3-igraph: /usr/bin/python3 ig.py).
import csv, time, igraph as ig
t = time.process_time(); w = time.time()
rows = [(r["source"], r["target"]) for r in csv.DictReader(open("edges.csv"))]
g = ig.Graph.TupleList(rows, directed=True)
b = g.betweenness(directed=True)
top = sorted(zip(g.vs["name"], b), key=lambda x: -x[1])[:3]
print("igraph", g.vcount(), g.ecount(), top, "cpu %.2fs wall %.2fs" % (time.process_time() - t, time.time() - w))
