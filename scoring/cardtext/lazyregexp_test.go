package cardtext

import (
	"regexp"
	"testing"
)

func TestEveryLazyPatternCompiles(t *testing.T) {
	if len(patterns) < 20 {
		t.Fatalf("only %d patterns registered; every matcher of the package should be one", len(patterns))
	}
	for _, p := range patterns {
		if _, err := regexp.Compile(p.pattern); err != nil {
			t.Errorf("%q: %v", p.pattern, err)
		}
	}
}
