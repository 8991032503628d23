//go:build perf

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// linkFigures are the link lengths scoring/link's length test holds to
// their budgets (TestLinkLengths, which make unit runs too): the example
// card's, the longest card with scores only, and the example card with
// the ten OWASP scenarios as findings. The test computes and logs them;
// this runs it and reads its log, so the cards are the test's own.
func (m *measurer) linkFigures(add adder) error {
	cmd := exec.Command(m.goCmd, "test", "-run", "^TestLinkLengths$", "-v", "./scoring/link")
	cmd.Dir = m.root
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go test -run TestLinkLengths ./scoring/link: %v\n%s", err, out.Bytes())
	}
	logged := linkLengths(out.Bytes())
	for _, f := range []struct{ figure, logged string }{
		{"seed_link_chars", "seed_link_chars"},
		{"score_only_link_chars", "score_only_link_chars"},
		{"findings_link_chars", "scenarios_link_chars"},
	} {
		n, ok := logged[f.logged]
		if !ok {
			return fmt.Errorf("TestLinkLengths logged no %s:\n%s", f.logged, out.Bytes())
		}
		add(f.figure, float64(n), "count")
	}
	m.note("links: from scoring/link's TestLinkLengths (go test -v)")
	return nil
}

// linkLengths reads the "name: n" lines a verbose test run logs, e.g.
// "    length_test.go:64: seed_link_chars: 900".
func linkLengths(out []byte) map[string]int {
	lengths := map[string]int{}
	s := bufio.NewScanner(bytes.NewReader(out))
	for s.Scan() {
		fields := strings.Fields(s.Text())
		if len(fields) < 2 || !strings.HasSuffix(fields[len(fields)-2], "_link_chars:") {
			continue
		}
		n, err := strconv.Atoi(fields[len(fields)-1])
		if err != nil {
			continue
		}
		lengths[strings.TrimSuffix(fields[len(fields)-2], ":")] = n
	}
	return lengths
}
