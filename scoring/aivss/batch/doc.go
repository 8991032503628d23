// Package batch scores AIVSS requests given as text: one request per JSON
// line, or the same fields from a command line.
//
// A line is one JSON object with the keys
//
//	edition     "v0.8" (the default when left out), "v0.5" or "card"
//	cvss        a CVSS v4.0 vector (Base metrics), scored with scoring/cvss4
//	cvss_score  or a bare CVSS v4.0 base score, 0.0 to 10.0
//	factors     the 10 factor values in the edition's order
//	thm, mf     threat multiplier and mitigation factor (edition default when left out)
//
// Numbers may be JSON numbers or strings; either way their decimal text is
// read, never a float64, so v0.8 stays exact. Each line in gives one line
// out:
//
//	{"edition":"v0.8","cvss":"9.3","factor_sum":"2.5","aars":"0.16975","raw":"9.46975","score":"9.5","severity":"Critical"}
//
// with "vector" added for v0.5, or {"error":"line N: …"}.
package batch
