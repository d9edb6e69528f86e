package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestGraphPage opens the graph page of kg serve in headless Chromium on a
// store of the demo corpus: the graph renders, search finds an actor by
// surname, a date filter redraws a smaller graph, an edge's evidence and
// the "how does X link A and B" panel fill the side panel. Screenshots go
// to $KG_SCREENSHOTS when it is set.
func TestGraphPage(t *testing.T) {
	browser, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium is required under CI=true (.ci/run installs it)")
		}
		t.Skip("no chromium")
	}
	dir, _ := demoStore(t)
	base := startServer(t, dir, "")

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(browser), chromedp.NoSandbox,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1400, 900))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	step := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	shot := func(name string) {
		t.Helper()
		out := os.Getenv("KG_SCREENSHOTS")
		if out == "" {
			return
		}
		b, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		step("screenshot", err)
		step("screenshot", os.WriteFile(filepath.Join(out, name+".png"), b, 0o644))
	}
	ready := chromedp.Poll[int](`window.kgReady && window.kgReady.nodes`, chromedp.WithPollingTimeout(30*time.Second))
	_, err = chromedp.Run(ctx, chromedp.Navigate(base+"/"))
	step("open the page", err)
	nodes, err := chromedp.Run(ctx, ready)
	step("draw the graph", err)
	shot("graph")
	found, err := chromedp.Run(ctx, chromedp.Evaluate[string](`kg.search("Kayani")`, chromedp.EvalAwaitPromise))
	step("search", err)
	status, err := chromedp.Run(ctx, chromedp.Text("#status"))
	step("status", err)
	shot("search")
	evidence, err := chromedp.Run(ctx, chromedp.Evaluate[int](`kg.showEdge("india", "russia")`, chromedp.EvalAwaitPromise))
	step("evidence", err)
	panel, err := chromedp.Run(ctx, chromedp.Text("#panel"))
	step("panel", err)
	shot("evidence")
	summary, err := chromedp.Run(ctx, chromedp.Evaluate[string](`kg.link("India", "Russia", "Pakistan")`, chromedp.EvalAwaitPromise))
	step("link", err)
	// The year slider, moved to 2014.
	_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`window.kgReady = null; const s = document.getElementById("yfrom"); s.value = "2014"; s.dispatchEvent(new Event("change")); true`))
	step("filter", err)
	fewer, err := chromedp.Run(ctx, ready)
	step("redraw", err)
	shot("since-2014")
	if nodes < 30 {
		t.Errorf("the page drew %d actors, want the demo graph's 40 or so", nodes)
	}
	if found != "ashfaq-parvez-kayani" || !strings.Contains(status, "Kayani") {
		t.Errorf("search Kayani: found %q, status %q", found, status)
	}
	if evidence == 0 || !strings.Contains(panel, "India") || !strings.Contains(panel, ".txt") {
		t.Errorf("evidence India–Russia: %d rows, panel %.200q", evidence, panel)
	}
	if !strings.Contains(summary, "India") || !strings.Contains(summary, "Pakistan") {
		t.Errorf("link panel: %q", summary)
	}
	if fewer == 0 || fewer >= nodes {
		t.Errorf("since 2014: %d actors, want fewer than %d", fewer, nodes)
	}
}
