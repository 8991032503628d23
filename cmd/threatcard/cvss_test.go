//go:build !wasm

package main

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"
)

// Vectors and answers from testdata/cvss4-base-reference.txt.gz (Red Hat
// cvss40.js d1eafe0); the 8.6 one is where go-cvss rounds to 8.5.
const (
	refCritical = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N" // 9.3 Critical
	refHigh     = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:L/VA:H/SC:H/SI:H/SA:H" // 8.6 High
	refMedium   = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:L" // 6.9 Medium
	refNone     = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N" // 0.0 None
)

func TestCVSSCommand(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		stdin  string
		stdout string
		status int
	}{
		{"one vector", []string{refCritical}, "", "9.3 Critical\n", 0},
		{"several vectors in order", []string{refHigh, refMedium, refNone}, "", "8.6 High\n6.9 Medium\n0.0 None\n", 0},
		{"invalid vector answers on its line and fails", []string{refCritical, "CVSS:4.0/AV:X/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", refMedium}, "",
			"9.3 Critical\nerror: AV:X is not allowed; AV takes N, A, L, P\n6.9 Medium\n", 1},
		{"stdin, blank lines skipped", nil, refCritical + "\n\n  \n" + refHigh + "\n", "9.3 Critical\n8.6 High\n", 0},
		{"stdin, CRLF and no final newline", nil, refMedium + "\r\n" + refNone, "6.9 Medium\n0.0 None\n", 0},
		{"stdin, invalid line", nil, "CVSS:3.1/AV:N\n" + refCritical + "\n",
			"error: \"CVSS:3.1\" is not CVSS v4.0; the vector must start with \"CVSS:4.0/\"\n9.3 Critical\n", 1},
		{"stdin, vector with trailing slash", nil, refCritical + "/\n", "error: trailing \"/\" after SA:N\n", 1},
		{"empty stdin", nil, "", "", 0},
		{"help", []string{"-h"}, "", "", 0},
		{"unknown flag", []string{"-x"}, "", "", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			status := run(append([]string{"cvss"}, tc.args...), strings.NewReader(tc.stdin), &out, &errOut)
			if status != tc.status {
				t.Errorf("exit status %d, want %d (stderr %q)", status, tc.status, errOut.String())
			}
			if out.String() != tc.stdout {
				t.Errorf("stdout\n got %q\nwant %q", out.String(), tc.stdout)
			}
		})
	}
}

func TestCVSSCommandIsListed(t *testing.T) {
	var out, errOut bytes.Buffer
	run([]string{"help"}, strings.NewReader(""), &out, &errOut)
	if !strings.Contains(errOut.String(), "cvss") {
		t.Errorf("usage does not list cvss:\n%s", errOut.String())
	}
}

// TestCVSSCommandStreams feeds stdin a line at a time and expects each
// answer before the next line is written.
func TestCVSSCommandStreams(t *testing.T) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan int)
	go func() {
		status := run([]string{"cvss"}, inR, outW, io.Discard)
		outW.Close()
		done <- status
	}()
	answers := bufio.NewReader(outR)
	for _, tc := range []struct{ in, want string }{
		{refCritical, "9.3 Critical\n"},
		{"nonsense", "error: missing \"CVSS:4.0/\" prefix; the vector starts with \"nonsense\"\n"},
		{refHigh, "8.6 High\n"},
	} {
		if _, err := io.WriteString(inW, tc.in+"\n"); err != nil {
			t.Fatal(err)
		}
		got := make(chan string, 1)
		go func() {
			line, _ := answers.ReadString('\n')
			got <- line
		}()
		select {
		case line := <-got:
			if line != tc.want {
				t.Errorf("answer to %q: %q, want %q", tc.in, line, tc.want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("no answer to %q while stdin stays open", tc.in)
		}
	}
	inW.Close()
	if status := <-done; status != 1 {
		t.Errorf("exit status %d after an invalid line, want 1", status)
	}
}
