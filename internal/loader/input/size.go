package input

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseSize reads a byte count such as "50MB", "512k", "1.5GiB" or "1000".
// K, M and G are powers of 1024 whether or not an "i" or "B" follows, as
// elsewhere in kg.
func ParseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimSuffix(t, "B")
	t = strings.TrimSuffix(t, "I")
	mult := int64(1)
	switch {
	case strings.HasSuffix(t, "K"):
		mult = 1 << 10
	case strings.HasSuffix(t, "M"):
		mult = 1 << 20
	case strings.HasSuffix(t, "G"):
		mult = 1 << 30
	case strings.HasSuffix(t, "T"):
		mult = 1 << 40
	}
	if mult > 1 {
		t = t[:len(t)-1]
	}
	t = strings.TrimSpace(t)
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v < 0 || v*float64(mult) > 1<<62 {
		return 0, fmt.Errorf("bad size %q (want a number of bytes such as 1000, 512KB, 50MB or 2GB)", s)
	}
	return int64(v * float64(mult)), nil
}

// FormatSize renders n bytes the way ParseSize reads them, with one decimal
// from kilobytes up: 812B, 1.5KB, 50.0MB.
func FormatSize(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%dB", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1fKB", float64(n)/(1<<10))
	case n < 1<<30:
		return fmt.Sprintf("%.1fMB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1fGB", float64(n)/(1<<30))
}
