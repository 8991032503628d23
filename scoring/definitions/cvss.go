package definitions

import (
	"strings"
	"sync"
)

const srcCVSS = "the CVSS v4.0 specification (FIRST)"

// The CVSS v4.0 metric groups.
var groups = sync.OnceValue(func() map[string]Definition {
	return map[string]Definition{
		"Base": {
			Meaning: "What the vulnerability itself is like, the same in every deployment and over time: how it is reached and what it harms.",
			Source:  srcCVSS,
		},
		"Threat": {
			Meaning: "What is known today about attacks on the vulnerability; it changes as exploits appear.",
			Source:  srcCVSS,
		},
		"Environmental": {
			Meaning: "The vulnerability in one deployment: how much the affected system matters there, and Base values that its set-up changes.",
			Source:  srcCVSS,
		},
		"Supplemental": {
			Meaning: "Extra facts for whoever responds to the vulnerability; they are recorded with the vector but do not change the score.",
			Source:  srcCVSS,
		},
	}
})

// base is the Base and Threat metrics, and the Supplemental ones, as
// written; the Environmental metrics are made from them (metrics).
var base = sync.OnceValue(func() map[string]Definition {
	return map[string]Definition{
		"AV": {
			Meaning: "How near the vulnerable system an attacker must be to exploit it.",
			Levels: []Level{
				{"N", "Network", "From anywhere a routed network reaches, the internet included."},
				{"A", "Adjacent", "Only from a shared local segment or link: the same subnet, Bluetooth, a VPN into the network."},
				{"L", "Local", "Only with local access (a console or a shell on the system), or by getting a user there to open something."},
				{"P", "Physical", "Only by touching or handling the device itself."},
			},
		},
		"AC": {
			Meaning: "Whether the attacker has to get past protections built into the system, such as address randomisation, for the attack to work.",
			Levels: []Level{
				{"L", "Low", "Nothing built in stands in the way; the attack works again and again."},
				{"H", "High", "The attack works only by defeating a protection, such as learning a secret or beating address randomisation."},
			},
		},
		"AT": {
			Meaning: "Whether the attack needs conditions of the deployment that the attacker does not control.",
			Levels: []Level{
				{"N", "None", "No such condition: it works on any instance of the system."},
				{"P", "Present", "It needs a particular set-up, a race won, or the attacker sitting on the network path."},
			},
		},
		"PR": {
			Meaning: "What access the attacker must already have on the system before attacking.",
			Levels: []Level{
				{"N", "None", "No account or authorisation at all."},
				{"L", "Low", "An ordinary user's rights, over what such a user owns."},
				{"H", "High", "Administrator rights, or other wide control of the system."},
			},
		},
		"UI": {
			Meaning: "Whether someone other than the attacker must take part for the attack to succeed.",
			Levels: []Level{
				{"N", "None", "The attacker alone is enough."},
				{"P", "Passive", "A user has to do something ordinary, without meaning to help, such as viewing a crafted page."},
				{"A", "Active", "A user has to take a deliberate step, such as importing a file or dismissing a warning."},
			},
		},
		"VC": {
			Meaning: "How much of the information in the vulnerable system itself the attacker can read.",
			Levels: []Level{
				{"H", "High", "All of it, or some whose disclosure does serious harm."},
				{"L", "Low", "Some of it, without control over what, and without serious harm."},
				{"N", "None", "None of it."},
			},
		},
		"VI": {
			Meaning: "How much the attacker can alter the data or the behaviour of the vulnerable system itself.",
			Levels: []Level{
				{"H", "High", "Anything in it, or something whose change does serious harm."},
				{"L", "Low", "Some things, with little control over which, or to little effect."},
				{"N", "None", "Nothing in it can be altered."},
			},
		},
		"VA": {
			Meaning: "How much the attack takes the vulnerable system itself away from those who use it.",
			Levels: []Level{
				{"H", "High", "It stops serving entirely, lastingly or again and again, or loses a part that matters seriously."},
				{"L", "Low", "It slows down or serves with gaps, but is not denied outright."},
				{"N", "None", "Its service is not affected."},
			},
		},
		"SC": {
			Meaning: "How much information in other systems, beyond the vulnerable one, the attack exposes.",
			Levels: []Level{
				{"H", "High", "All the information of a system downstream, or some whose disclosure does serious harm."},
				{"L", "Low", "Some information downstream, without control over what, and without serious harm."},
				{"N", "None", "No information outside the vulnerable system is exposed."},
			},
		},
		"SI": {
			Meaning: "How much the attack lets the attacker alter other systems, beyond the vulnerable one.",
			Levels: []Level{
				{"H", "High", "Anything in a system downstream, or something whose change does serious harm."},
				{"L", "Low", "Some things downstream, with little control or to little effect."},
				{"N", "None", "No system outside the vulnerable one can be altered."},
			},
		},
		"SA": {
			Meaning: "How much the attack disrupts other systems, beyond the vulnerable one, for their users.",
			Levels: []Level{
				{"H", "High", "A system downstream stops serving entirely, or loses a part that matters seriously."},
				{"L", "Low", "Systems downstream slow down or serve with gaps."},
				{"N", "None", "No system outside the vulnerable one is disrupted."},
			},
		},
		"E": {
			Meaning: "How likely an attack is, from what is known today of exploits for this vulnerability.",
			Levels: []Level{
				{"X", "Not Defined", "No threat information: scored as Attacked, the worst case."},
				{"A", "Attacked", "Attacks have been reported, or tools that automate them are publicly available."},
				{"P", "POC", "A proof-of-concept exploit is public, but no attack has been reported."},
				{"U", "Unreported", "Neither a public proof of concept nor a reported attack is known."},
			},
		},
		"S": {
			Meaning: "Whether exploiting the vulnerability could hurt people, judged for the system's intended use by the scale of IEC 61508.",
			Levels: []Level{
				{"X", "Not Defined", "Safety is not assessed."},
				{"N", "Negligible", "Any effect on people's safety is negligible."},
				{"P", "Present", "Effects on safety reach IEC 61508's marginal, critical or catastrophic."},
			},
		},
		"AU": {
			Meaning: "Whether an attacker can automate the attack, from finding targets to exploiting them, across many systems.",
			Levels: []Level{
				{"X", "Not Defined", "Whether it can be automated is not assessed."},
				{"N", "No", "At least one step cannot be automated reliably."},
				{"Y", "Yes", "Every step can be automated, so the attack scales across targets."},
			},
		},
		"R": {
			Meaning: "How the system comes back to service after an attack.",
			Levels: []Level{
				{"X", "Not Defined", "Recovery is not assessed."},
				{"A", "Automatic", "It recovers by itself."},
				{"U", "User", "A person has to restore it."},
				{"I", "Irrecoverable", "Its service cannot be brought back."},
			},
		},
		"V": {
			Meaning: "How much an attacker gains control of with one successful exploitation.",
			Levels: []Level{
				{"X", "Not Defined", "Value density is not assessed."},
				{"D", "Diffuse", "Little at a time, such as one person's mailbox or device."},
				{"C", "Concentrated", "A lot at once, such as a central server holding many users' data."},
			},
		},
		"RE": {
			Meaning: "How much work it takes those who run the system to respond: to apply a fix or a mitigation.",
			Levels: []Level{
				{"X", "Not Defined", "The effort of responding is not assessed."},
				{"L", "Low", "Little work and no downtime, such as a setting or a note in the documentation."},
				{"M", "Moderate", "Some work and perhaps a short interruption, such as a remote update."},
				{"H", "High", "Much work, with long downtime or hardware to replace."},
			},
		},
		"U": {
			Meaning: "How urgent the product's supplier judges the fix to be, on a scale of colours.",
			Levels: []Level{
				{"X", "Not Defined", "The supplier gives no urgency."},
				{"Clear", "Clear", "No urgency: for information only."},
				{"Green", "Green", "Less urgent than usual."},
				{"Amber", "Amber", "Moderately urgent."},
				{"Red", "Red", "As urgent as it gets."},
			},
		},
	}
})

// requirement defines CR, IR and AR, for the property named ("confidentiality").
func requirement(property string) Definition {
	return Definition{
		Meaning: "How much the " + property + " of the affected system matters to the organisation that runs it.",
		Levels: []Level{
			lv("X", "Not Defined", "Not stated: the "+property+" requirement is scored as High."),
			lv("H", "High", "Losing "+property+" would do catastrophic harm to the organisation or to the people it serves."),
			lv("M", "Medium", "Losing "+property+" would do serious harm."),
			lv("L", "Low", "Losing "+property+" would do only limited harm."),
		},
		Source: srcCVSS,
	}
}

// modified defines the Environmental metric that overrides the Base
// metric of the given abbreviation in one deployment. Its values mean what
// the Base metric's do, there; extra gives the values it names and means
// differently (Negligible for None).
func modified(b string, name string, extra map[string]Level) Definition {
	d := base()[b]
	out := Definition{
		Meaning: name + " as it stands in this deployment, once its configuration and protections are counted: " +
			"it takes the place of the Base metric " + b + ".",
		Levels: []Level{lv("X", "Not Defined", "Not stated: the Base value of "+b+" applies.")},
		Source: srcCVSS,
	}
	for _, l := range d.Levels {
		if x, ok := extra[l.Value]; ok {
			l = x
		} else {
			l.Meaning = "Here: " + lowerFirst(l.Meaning)
		}
		out.Levels = append(out.Levels, l)
	}
	return out
}

func lowerFirst(s string) string {
	if s == "" || strings.HasPrefix(s, "CVSS") {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// metrics is every metric's definition, by abbreviation.
var metrics = sync.OnceValue(func() map[string]Definition {
	out := make(map[string]Definition, len(base())+15)
	for k, d := range base() {
		d.Source = srcCVSS
		out[k] = d
	}
	out["CR"] = requirement("confidentiality")
	out["IR"] = requirement("integrity")
	out["AR"] = requirement("availability")
	for _, m := range []struct{ b, name string }{
		{"AV", "The attack vector"}, {"AC", "The attack complexity"}, {"AT", "The attack requirements"},
		{"PR", "The privileges required"}, {"UI", "The user interaction"},
		{"VC", "The loss of confidentiality in the vulnerable system"},
		{"VI", "The loss of integrity in the vulnerable system"},
		{"VA", "The loss of availability of the vulnerable system"},
	} {
		out["M"+m.b] = modified(m.b, m.name, nil)
	}
	negligible := func(what string) map[string]Level {
		return map[string]Level{"N": lv("N", "Negligible",
			"Here, the loss of "+what+" in systems beyond the vulnerable one is negligible or nil.")}
	}
	out["MSC"] = modified("SC", "The loss of confidentiality in other systems", negligible("confidentiality"))
	out["MSI"] = modified("SI", "The loss of integrity in other systems", negligible("integrity"))
	out["MSA"] = modified("SA", "The loss of availability of other systems", negligible("availability"))
	// MSI and MSA have Safety, first after X.
	safety := func(d Definition, meaning string) Definition {
		s := lv("S", "Safety", meaning)
		d.Levels = append(d.Levels[:1], append([]Level{s}, d.Levels[1:]...)...)
		return d
	}
	out["MSI"] = safety(out["MSI"], "Altering systems beyond the vulnerable one could injure people: marginal harm or worse on IEC 61508's scale.")
	out["MSA"] = safety(out["MSA"], "Disrupting systems beyond the vulnerable one could injure people: marginal harm or worse on IEC 61508's scale.")
	return out
})
