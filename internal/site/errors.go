package site

import (
	"fmt"
	"strings"
)

// PrefixError rejects the URL path prefix given for the site.
type PrefixError struct {
	Prefix string
	Reason string
}

func (e *PrefixError) Error() string {
	return fmt.Sprintf("site prefix %q: %s", e.Prefix, e.Reason)
}

// BuildError is a failed step of Build.
type BuildError struct {
	Step string // e.g. "generating pages"
	Path string // the file involved, if any
	Err  error
}

func (e *BuildError) Error() string {
	if e.Path == "" {
		return fmt.Sprintf("building site: %s: %v", e.Step, e.Err)
	}
	return fmt.Sprintf("building site: %s %s: %v", e.Step, e.Path, e.Err)
}

func (e *BuildError) Unwrap() error { return e.Err }

// Problem is one thing Verify found wrong with a built site.
type Problem struct {
	File   string // relative to the site directory
	Detail string
}

func (p Problem) String() string { return p.File + ": " + p.Detail }

// VerifyError lists everything wrong with a built site.
type VerifyError struct {
	Dir      string
	Problems []Problem
}

func (e *VerifyError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = "  " + p.String()
	}
	return fmt.Sprintf("site %s has %d problem(s):\n%s", e.Dir, len(e.Problems), strings.Join(lines, "\n"))
}
