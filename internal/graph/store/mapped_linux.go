package store

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// releaseMapped drops this process's resident pages of the store files
// under dir that Badger maps shared (tables, value log, memtable log).
//
// Badger writes its tables through shared mappings and never unmaps what
// it wrote, so over a long load the whole store ends up counted in the
// process's resident set although none of it is needed: the pages are
// the page cache's, and with MADV_DONTNEED on a shared file mapping the
// process only lets go of them (dirty data stays in the cache and reaches
// the file as usual); the next read maps them again. Private mappings are
// left alone, as the advice would discard their changes.
func releaseMapped(dir string) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real // the kernel names mapped files by their real path
	}
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// start-end perms offset dev inode path
		fields := strings.Fields(sc.Text())
		if len(fields) < 6 || len(fields[1]) < 4 || fields[1][3] != 's' {
			continue
		}
		path := fields[5]
		if filepath.Dir(path) != abs {
			continue
		}
		switch filepath.Ext(path) {
		case ".sst", ".vlog", ".mem":
		default:
			continue
		}
		lo, hi, ok := strings.Cut(fields[0], "-")
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		// Advice only: a failure leaves the pages mapped, nothing else.
		_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, uintptr(start), uintptr(end-start), syscall.MADV_DONTNEED)
	}
}
