// Package aivssreport writes a card's findings as the report that OWASP
// AIVSS v0.8 defines in its Appendix A ("AIVSS-Agentic Report JSON
// Schema"), and reads such a report back as a card.
//
// A report lists the vulnerabilities of one system, each scored on its
// own: its CVSS v4.0 base, the ten agentic amplification factors, a
// threat multiplier and a mitigation factor, then the factor sum, AARS,
// the AIVSS score and its band. In a card these are findings: threats
// that carry an AIVSS assessment (maestro.Assessment). Marshal writes the
// scored ones; Parse makes a card with one finding per vulnerability,
// placed under the first MAESTRO layer that Appendix C lists its
// category for.
//
// The schema, as transcribed from the appendix, is embedded
// (aivss-v0.8-report.schema.json, Schema); every report Marshal writes
// validates against it. Numbers are JSON numbers holding the exact
// decimal results of v0.8's arithmetic. Categories are written as the
// schema's enum does, with "&", and read with "and" as well, as v0.8's
// own text spells them.
//
// What a card and a report share goes both ways without loss: a
// finding's id, title, description, category, CVSS input and its
// effective factors, ThM and MF; the card's title as system_name, its
// summary as the notes (a first line "System version: …" as
// system_version). A report has no place for the rest of a card (the
// agent-level profile, a threat's layer, mitigations, likelihood, impact,
// state and ASI code, the layers' notes), which stays behind; and a card
// none for a report's assessment date and assessor, which Parse returns
// beside the card (Result.Metadata) for Marshal to write again.
package aivssreport
