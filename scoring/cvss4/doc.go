// Package cvss4 parses CVSS v4.0 vectors and scores them exactly as the
// Red Hat reference implementation cvss40.js (commit d1eafe0, with the 2024
// rounding fix) does, for Base, Threat and Environmental metrics alike
// (CVSS-B, CVSS-BT, CVSS-BE, CVSS-BTE).
//
// Parsing is delegated to github.com/pandatix/go-cvss (package 40), which
// also gives the canonical vector text. Scoring is done here, in integer
// arithmetic, from the specification's MacroVector lookup table; see
// score.go for why go-cvss's own Score is not used.
package cvss4
