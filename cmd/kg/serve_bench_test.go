package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kg-project/kg/internal/loader/synth"
)

// BenchmarkServeUnderLoad posts a 10 MB synthetic corpus to /api/load of a
// fresh kg serve while 50 clients query in a loop (central, stats,
// neighbors, path, in turn), and reports the queries answered, those that
// failed, their latency quantiles and the load's time. A 422 ("unknown
// actor", before the actor is loaded) is an answer, not a failure.
//
//	go test -run '^$' -bench ServeUnderLoad -benchtime 1x ./cmd/kg
func BenchmarkServeUnderLoad(b *testing.B) {
	dir := b.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	f, err := os.Create(corpus)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := synth.WriteJSONL(f, synth.Options{Seed: 1, Size: 10 << 20}); err != nil {
		b.Fatal(err)
	}
	f.Close()
	for range b.N {
		base := startServer(b, filepath.Join(b.TempDir(), "kg.db"), "")
		paths := []string{"/api/central?measure=degree&top=5", "/api/stats", "/api/neighbors?arg=Pakistan", "/api/path?arg=Russia&arg=India"}
		stop := make(chan struct{})
		var mu sync.Mutex
		var lat []time.Duration
		var total, failed atomic.Int64
		var wg sync.WaitGroup
		for c := range 50 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := c; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					t0 := time.Now()
					resp, err := http.Get(base + paths[i%len(paths)])
					total.Add(1)
					if err != nil {
						failed.Add(1)
						continue
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 && resp.StatusCode != 422 {
						failed.Add(1)
					}
					mu.Lock()
					lat = append(lat, time.Since(t0))
					mu.Unlock()
				}
			}()
		}
		body, _ := os.Open(corpus)
		t0 := time.Now()
		resp, err := http.Post(base+"/api/load", "application/x-ndjson", body)
		if err != nil {
			b.Fatal(err)
		}
		summary, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		loadTime := time.Since(t0)
		close(stop)
		wg.Wait()
		if resp.StatusCode != 200 {
			b.Fatalf("load: %d %s", resp.StatusCode, summary)
		}
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		q := func(p float64) float64 { return lat[int(p*float64(len(lat)-1))].Seconds() }
		b.ReportMetric(float64(total.Load()), "queries")
		b.ReportMetric(float64(failed.Load()), "failed")
		b.ReportMetric(q(0.5), "p50-s")
		b.ReportMetric(q(0.99), "p99-s")
		b.ReportMetric(loadTime.Seconds(), "load-s")
	}
}

// BenchmarkGraphPageRender measures the graph page's time to first render
// in headless Chromium, from navigation to the page's kgReady mark, on a
// store of random events among 5,000 actors.
func BenchmarkGraphPageRender(b *testing.B) {
	browser, err := exec.LookPath("chromium")
	if err != nil {
		b.Skip("no chromium")
	}
	dir := filepath.Join(b.TempDir(), "kg.db")
	{
		var rows strings.Builder
		rows.WriteString("source,target,cameo,date,doc\n")
		rng := rand.New(rand.NewPCG(3, 0))
		for i := range 20000 {
			s, t := rng.IntN(5000), rng.IntN(5000)
			if s != t {
				fmt.Fprintf(&rows, "actor%d,actor%d,042,2015-0%d-1%d,d%d\n", s, t, 1+i%9, i%9, i/50)
			}
		}
		if code, _, errOut := runKG(b, rows.String(), "--store", dir, "import", "-"); code != 0 {
			b.Fatal(errOut)
		}
	}
	base := startServer(b, dir, "")
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(browser), chromedp.NoSandbox,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.UserDataDir(b.TempDir()), chromedp.WindowSize(1400, 900))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ready := chromedp.Poll[int](`window.kgReady && window.kgReady.nodes`, chromedp.WithPollingTimeout(2*time.Minute))
	var nodes int
	b.ResetTimer()
	for range b.N {
		if _, err := chromedp.Run(ctx, chromedp.Navigate(base+"/")); err != nil {
			b.Fatal(err)
		}
		if nodes, err = chromedp.Run(ctx, ready); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(nodes), "actors")
}
