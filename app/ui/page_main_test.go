package ui

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	logPanic = func(error, []byte) {} // the tests panic on purpose
	os.Exit(m.Run())
}

// Copies of golden links from scoring/link/testdata/links, for the tests
// that run in the browser, which cannot read files there.
// TestGoldenCopiesMatchTheirFiles checks them natively.
var goldenCopies = map[string]string{
	"v08-tool-misuse-scores-only": "v1&e=v0.8&c=CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H&f=1,1,1,1,1,1,0.5,1,1,0.5&thm=0.97&mf=1",
	"card-edition-full-model":     "v1&e=card&c=7.5&f=0.6,0.5,0,0.7,0.4,0.5,0.2,0.1,0.6,0.5&thm=1&mf=0.85&d=XFvBTsMwDLWTaEI7cACJcy6TGFIi7cIFhoS4cOC07QfCCFA1bUrWiH0-SmyG6LVSWtey4-fnZ7S7Zt_6AtYbV8pzHPV9033oQ9qvjzr2PqWY1rUruF4tH8TTpo5hmR7SYz1NdHJwrzTD852db3LP-hh3EqAy6LES0TxXToWy4I5fQ5TSRAbfDaOVUtzspjL6khF9VRWw2J-j0MoZgsLLsDJ03JyuEIDldkzNUDmvPHAA0y_MX4r5fw0ESoEK4Zwev4cYSxQsHn9tdYeWVDufuX9LnhaiyAUWAFGo2VW4Nd_etYaQp2GcDQASJKizi6MJRB2ajqlDWGz_O4t2Lwp4LdVZf2WfffmAkCCE-gkAAP__",
}
