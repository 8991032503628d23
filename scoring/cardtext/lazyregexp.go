package cardtext

import (
	"regexp"
	"sync"
)

// lazyRegexp is a regular expression compiled on its first use. The web
// app links this package for its import dialog, which most visits never
// open; compiling the package's thirty-odd expressions at every start
// delayed the app's first render by about 15 ms in a cold browser (make
// bench).
type lazyRegexp struct {
	pattern string
	once    sync.Once
	re      *regexp.Regexp
}

// patterns lists every lazyRegexp, so that a test compiles them all.
var patterns []*lazyRegexp

// lazy is not inlined: inlined, its 25 calls tripled the package's init
// code in the wasm binary.
//
//go:noinline
func lazy(pattern string) *lazyRegexp {
	l := &lazyRegexp{pattern: pattern}
	patterns = append(patterns, l)
	return l
}

func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.pattern) })
	return l.re
}

func (l *lazyRegexp) MatchString(s string) bool            { return l.get().MatchString(s) }
func (l *lazyRegexp) FindString(s string) string           { return l.get().FindString(s) }
func (l *lazyRegexp) FindStringSubmatch(s string) []string { return l.get().FindStringSubmatch(s) }
func (l *lazyRegexp) FindStringSubmatchIndex(s string) []int {
	return l.get().FindStringSubmatchIndex(s)
}
