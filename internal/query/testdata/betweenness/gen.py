# Writes edges.csv: 3,000 actors, 15,000 random directed edges (seed 42), for
# comparing kg central --measure betweenness with networkx and igraph.
import random, csv
random.seed(42)
n, m = 3000, 15000
edges = set()
while len(edges) < m:
    u, v = random.randrange(n), random.randrange(n)
    if u != v:
        edges.add((u, v))
with open("edges.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["source", "target", "cameo", "doc"])
    for i, (u, v) in enumerate(sorted(edges)):
        w.writerow([f"A{u:04d}", f"A{v:04d}", "042", f"d{i % 100}"])
