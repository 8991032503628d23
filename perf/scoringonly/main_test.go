package main

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The weighing is only right while this command links every scoring
// package the page does.
func TestScoringOnlyLinksWhatTheUIImports(t *testing.T) {
	ui := scoringImports(t, "../../app/ui")
	if len(ui) == 0 {
		t.Fatal("app/ui imports no scoring package; the pattern is out of date")
	}
	here := scoringImports(t, ".")
	for _, p := range ui {
		if !slices.Contains(here, p) {
			t.Errorf("app/ui imports %s; entryPoints has nothing from it", p)
		}
	}
}

// scoringImports lists the threatcard/scoring packages the non-test Go
// files of dir import.
func scoringImports(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if strings.HasPrefix(p, "github.com/threatcard/threatcard/scoring/") && !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}
