package cvss4

// Group is one of the four CVSS v4.0 metric groups.
type Group int

// The metric groups, in the order their metrics appear in a vector.
const (
	Base Group = iota
	Threat
	Environmental
	Supplemental
)

// String returns the group's name as the specification writes it.
func (g Group) String() string {
	switch g {
	case Base:
		return "Base"
	case Threat:
		return "Threat"
	case Environmental:
		return "Environmental"
	case Supplemental:
		return "Supplemental"
	}
	return "Group(?)"
}

// Value is one value a metric can take.
type Value struct {
	Abbrev string // as written in a vector: "N", "Clear"
	Name   string // display name: "Network", "Not Defined"
}

// Metric describes one CVSS v4.0 metric.
type Metric struct {
	Abbrev    string // as written in a vector: "AV"
	Name      string // display name: "Attack Vector"
	Group     Group
	Mandatory bool // true for the 11 Base metrics; the others may be left out (same as X)
	// Values lists the allowed values in the specification's order; for
	// every metric outside Base the first is X (Not Defined), which a
	// canonical vector leaves out.
	Values []Value
}

// Indices of the metrics in canonical vector order; vals in Vector and
// metricTable are indexed by them.
const (
	mAV = iota
	mAC
	mAT
	mPR
	mUI
	mVC
	mVI
	mVA
	mSC
	mSI
	mSA
	mE
	mCR
	mIR
	mAR
	mMAV
	mMAC
	mMAT
	mMPR
	mMUI
	mMVC
	mMVI
	mMVA
	mMSC
	mMSI
	mMSA
	mS
	mAU
	mR
	mV
	mRE
	mU
	numMetrics
)

// Value lists shared by several metrics. Names follow the CVSS v4.0
// specification (FIRST), section 2-4 tables.
var (
	notDefined = Value{"X", "Not Defined"}
	hln        = []Value{{"H", "High"}, {"L", "Low"}, {"N", "None"}}
	xhln       = []Value{notDefined, {"H", "High"}, {"L", "Low"}, {"N", "None"}}
	xhlnSub    = []Value{notDefined, {"H", "High"}, {"L", "Low"}, {"N", "Negligible"}}
	xshlnSub   = []Value{notDefined, {"S", "Safety"}, {"H", "High"}, {"L", "Low"}, {"N", "Negligible"}}
	xhml       = []Value{notDefined, {"H", "High"}, {"M", "Medium"}, {"L", "Low"}}
)

// metricTable is every CVSS v4.0 metric in canonical vector order.
var metricTable = [numMetrics]Metric{
	mAV: {"AV", "Attack Vector", Base, true, []Value{{"N", "Network"}, {"A", "Adjacent"}, {"L", "Local"}, {"P", "Physical"}}},
	mAC: {"AC", "Attack Complexity", Base, true, []Value{{"L", "Low"}, {"H", "High"}}},
	mAT: {"AT", "Attack Requirements", Base, true, []Value{{"N", "None"}, {"P", "Present"}}},
	mPR: {"PR", "Privileges Required", Base, true, []Value{{"N", "None"}, {"L", "Low"}, {"H", "High"}}},
	mUI: {"UI", "User Interaction", Base, true, []Value{{"N", "None"}, {"P", "Passive"}, {"A", "Active"}}},
	mVC: {"VC", "Vulnerable System Confidentiality", Base, true, hln},
	mVI: {"VI", "Vulnerable System Integrity", Base, true, hln},
	mVA: {"VA", "Vulnerable System Availability", Base, true, hln},
	mSC: {"SC", "Subsequent System Confidentiality", Base, true, hln},
	mSI: {"SI", "Subsequent System Integrity", Base, true, hln},
	mSA: {"SA", "Subsequent System Availability", Base, true, hln},

	mE: {"E", "Exploit Maturity", Threat, false, []Value{notDefined, {"A", "Attacked"}, {"P", "POC"}, {"U", "Unreported"}}},

	mCR:  {"CR", "Confidentiality Requirement", Environmental, false, xhml},
	mIR:  {"IR", "Integrity Requirement", Environmental, false, xhml},
	mAR:  {"AR", "Availability Requirement", Environmental, false, xhml},
	mMAV: {"MAV", "Modified Attack Vector", Environmental, false, []Value{notDefined, {"N", "Network"}, {"A", "Adjacent"}, {"L", "Local"}, {"P", "Physical"}}},
	mMAC: {"MAC", "Modified Attack Complexity", Environmental, false, []Value{notDefined, {"L", "Low"}, {"H", "High"}}},
	mMAT: {"MAT", "Modified Attack Requirements", Environmental, false, []Value{notDefined, {"N", "None"}, {"P", "Present"}}},
	mMPR: {"MPR", "Modified Privileges Required", Environmental, false, []Value{notDefined, {"N", "None"}, {"L", "Low"}, {"H", "High"}}},
	mMUI: {"MUI", "Modified User Interaction", Environmental, false, []Value{notDefined, {"N", "None"}, {"P", "Passive"}, {"A", "Active"}}},
	mMVC: {"MVC", "Modified Vulnerable System Confidentiality", Environmental, false, xhln},
	mMVI: {"MVI", "Modified Vulnerable System Integrity", Environmental, false, xhln},
	mMVA: {"MVA", "Modified Vulnerable System Availability", Environmental, false, xhln},
	mMSC: {"MSC", "Modified Subsequent System Confidentiality", Environmental, false, xhlnSub},
	mMSI: {"MSI", "Modified Subsequent System Integrity", Environmental, false, xshlnSub},
	mMSA: {"MSA", "Modified Subsequent System Availability", Environmental, false, xshlnSub},

	mS:  {"S", "Safety", Supplemental, false, []Value{notDefined, {"N", "Negligible"}, {"P", "Present"}}},
	mAU: {"AU", "Automatable", Supplemental, false, []Value{notDefined, {"N", "No"}, {"Y", "Yes"}}},
	mR:  {"R", "Recovery", Supplemental, false, []Value{notDefined, {"A", "Automatic"}, {"U", "User"}, {"I", "Irrecoverable"}}},
	mV:  {"V", "Value Density", Supplemental, false, []Value{notDefined, {"D", "Diffuse"}, {"C", "Concentrated"}}},
	mRE: {"RE", "Vulnerability Response Effort", Supplemental, false, []Value{notDefined, {"L", "Low"}, {"M", "Moderate"}, {"H", "High"}}},
	mU:  {"U", "Provider Urgency", Supplemental, false, []Value{notDefined, {"Clear", "Clear"}, {"Green", "Green"}, {"Amber", "Amber"}, {"Red", "Red"}}},
}

// Metrics returns every CVSS v4.0 metric in canonical vector order: the
// 11 Base metrics (AV … SA), then Threat (E), Environmental (CR … MSA)
// and Supplemental (S … U). The result is a fresh copy the caller may
// change.
func Metrics() []Metric {
	out := make([]Metric, numMetrics)
	for i, m := range metricTable {
		m.Values = append([]Value(nil), m.Values...)
		out[i] = m
	}
	return out
}

// metricIndex returns the index of the metric abbreviated abv, or -1.
func metricIndex(abv string) int {
	switch abv {
	case "AV":
		return mAV
	case "AC":
		return mAC
	case "AT":
		return mAT
	case "PR":
		return mPR
	case "UI":
		return mUI
	case "VC":
		return mVC
	case "VI":
		return mVI
	case "VA":
		return mVA
	case "SC":
		return mSC
	case "SI":
		return mSI
	case "SA":
		return mSA
	case "E":
		return mE
	case "CR":
		return mCR
	case "IR":
		return mIR
	case "AR":
		return mAR
	case "MAV":
		return mMAV
	case "MAC":
		return mMAC
	case "MAT":
		return mMAT
	case "MPR":
		return mMPR
	case "MUI":
		return mMUI
	case "MVC":
		return mMVC
	case "MVI":
		return mMVI
	case "MVA":
		return mMVA
	case "MSC":
		return mMSC
	case "MSI":
		return mMSI
	case "MSA":
		return mMSA
	case "S":
		return mS
	case "AU":
		return mAU
	case "R":
		return mR
	case "V":
		return mV
	case "RE":
		return mRE
	case "U":
		return mU
	}
	return -1
}

// valueIndex returns the index of val among metric m's values, or -1.
func valueIndex(m int, val string) int {
	for i, v := range metricTable[m].Values {
		if v.Abbrev == val {
			return i
		}
	}
	return -1
}
