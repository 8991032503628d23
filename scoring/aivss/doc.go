// Package aivss scores an AI agent with OWASP AIVSS, in three editions that
// each compute exactly as their source does:
//
//   - "v0.8" (the default): OWASP AIVSS v0.8, 2026-03, the current
//     publication. Risk-gap uplift, exact decimal arithmetic, round half up,
//     bands on the rounded score.
//   - "v0.5": OWASP AIVSS v0.5, 2025-07, archived; bit for bit as its
//     reference calculator (Pa04rth/aivss-dashboard) computes it: float64,
//     shown the way JavaScript's toFixed(1) shows it, banded on the
//     unrounded value. That calculator names the bands "Critical Risk",
//     "High Risk", ...; Result.Severity uses the plain words Critical, High,
//     Medium, Low and None for every edition.
//   - "card": the v0.8 formula as the published AgentReady threat-model
//     cards compute it: continuous factor values, float64, the score clamped
//     to 10 and shown rounded half to even on the binary value.
//
// An Edition fixes the factor list and order, the allowed values, the
// threat multiplier (ThM) and mitigation factor (MF) choices, the formula,
// the rounding and the bands. Every Result names its edition.
package aivss
