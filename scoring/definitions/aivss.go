package definitions

import "sync"

// The agentic risk factors, by edition id and factor id (aivss.Factor.ID).
var factors = sync.OnceValue(func() map[string]map[string]Definition {
	return map[string]map[string]Definition{
		"v0.8": factorsV08(),
		"v0.5": factorsV05(),
		"card": factorsCard(),
	}
})

const (
	srcV08Table2 = "OWASP AIVSS v0.8, §2.2 Table 2"
	srcV05Check  = "OWASP AIVSS v0.5, §7.2 (Phase 2 of the assessment checklist)"
	srcCard      = "OWASP AIVSS v0.5, Part 2 §1 (the cards' factor names); the cards' printed values"
)

// v0.8: Table 2 gives each factor's 0, 0.5 and 1.
var factorsV08 = sync.OnceValue(func() map[string]Definition {
	return map[string]Definition{
		"autonomy": {
			Meaning: "How far the agent carries out actions without a person checking them first.",
			Levels: []Level{
				{"0", "None", "A person approves every action before it takes effect."},
				{"0.5", "Partial", "The agent acts on its own only in sandboxed or non-critical paths."},
				{"1", "Full", "The agent commits changes on its own in production or critical systems."},
			},
			Source: srcV08Table2,
		},
		"tools": {
			Meaning: "How many external tools and APIs the agent can call, and with how much authority.",
			Levels: []Level{
				{"0", "None", "No external tools, or read-only access to them."},
				{"0.5", "Partial", "A mix of reading and writing tools, each scoped or on an allowlist."},
				{"1", "Full", "Broad tools with high authority: cloud control, CI/CD, SQL databases, operational technology."},
			},
			Source: srcV08Table2,
		},
		"language": {
			Meaning: "How much the agent's goals and instructions reach it as free natural language.",
			Levels: []Level{
				{"0", "None", "It takes structured API input only."},
				{"0.5", "Partial", "Natural language serves lookups or questions and answers, never to start an action."},
				{"1", "Full", "Prompts in natural language steer its planning and its tool calls directly."},
			},
			Source: srcV08Table2,
		},
		"context": {
			Meaning: "How much signals from the environment, or a broad body of data, steer the agent's decisions.",
			Levels: []Level{
				{"0", "None", "No environmental signal feeds its decisions."},
				{"0.5", "Partial", "A few narrow signals are taken into account."},
				{"1", "Full", "Broad environmental signals drive decisions it takes on its own."},
			},
			Source: srcV08Table2,
		},
		"non_determinism": {
			Meaning: "How much the agent's behaviour differs from one run to the next on the same input.",
			Levels: []Level{
				{"0", "None", "The same input always gives the same behaviour."},
				{"0.5", "Partial", "Its behaviour varies within bounds that strict guardrails hold."},
				{"1", "Full", "Its behaviour varies widely and little guards against it."},
			},
			Source: srcV08Table2,
		},
		"opacity": {
			Meaning: "How hard it is to see, and to audit afterwards, why the agent decided what it did.",
			Levels: []Level{
				{"0", "None", "Every decision can be traced from start to end."},
				{"0.5", "Partial", "Logs exist, but partial or in pieces."},
				{"1", "Full", "Its decisions are barely visible."},
			},
			Source: srcV08Table2,
		},
		"persistence": {
			Meaning: "Whether the agent keeps memory or state from one session to another.",
			Levels: []Level{
				{"0", "None", "Stateless: nothing is kept between requests."},
				{"0.5", "Partial", "State lives as long as a session and no longer."},
				{"1", "Full", "Long-term memory carries over from session to session."},
			},
			Source: srcV08Table2,
		},
		"identity": {
			Meaning: "Whether the agent can take on other roles or permissions while it runs.",
			Levels: []Level{
				{"0", "None", "One fixed identity with fixed permissions."},
				{"0.5", "Partial", "A few limited switches of identity."},
				{"1", "Full", "It assumes new roles at will, or crosses from one tenant to another."},
			},
			Source: srcV08Table2,
		},
		"multi_agent": {
			Meaning: "How much the agent works together with other agents.",
			Levels: []Level{
				{"0", "None", "It works alone, cut off from other agents."},
				{"0.5", "Partial", "It exchanges with one or two agents it knows."},
				{"1", "Full", "It takes part in complex orchestration, or in a swarm of agents."},
			},
			Source: srcV08Table2,
		},
		"self_mod": {
			Meaning: "Whether the agent can change its own code, prompts or tool set-up.",
			Levels: []Level{
				{"0", "None", "Its configuration never changes while it runs."},
				{"0.5", "Partial", "It may rewrite its own system prompts or settings, nothing more."},
				{"1", "Full", "It can change its tools or its control flow, or write code and run it."},
			},
			Source: srcV08Table2,
		},
	}
})

// v0.5: the checklist of §7.2 gives each factor's 0, 0.5 and 1, and asks
// a question for each, from which the meanings are drawn.
var factorsV05 = sync.OnceValue(func() map[string]Definition {
	return map[string]Definition{
		"autonomy_of_action": {
			Meaning: "How independently the agent acts, without a person telling it to.",
			Levels: []Level{
				{"0", "None", "A person stays in the loop and must approve each action, as with a copilot-style assistant."},
				{"0.5", "Partial", "Its actions are well defined: fixed decision trees, or dynamic actions of low risk."},
				{"1", "Full", "Its actions are open-ended; it talks freely with other agents and can take actions of high risk."},
			},
			Source: srcV05Check,
		},
		"tool_use": {
			Meaning: "How widely, and how freely at run time, the agent uses external tools.",
			Levels: []Level{
				{"0", "None", "No external tool; only simple capabilities that always behave the same."},
				{"0.5", "Partial", "A small set of tools, with a limited choice among them at run time (internal ones only, say)."},
				{"1", "Full", "No limit on the tools it picks, including tools that can do dangerous things."},
			},
			Source: srcV05Check,
		},
		"memory_use": {
			Meaning: "Whether memory the agent keeps shapes what it does later.",
			Levels: []Level{
				{"0", "None", "No state beyond what the prompt's context holds."},
				{"0.5", "Partial", "Retrieval (RAG) it can only read, or short sessions bound to one identity."},
				{"1", "Full", "Retrieval memory it also writes, long sessions, or memory and learning that outlive a session."},
			},
			Source: srcV05Check,
		},
		"dynamic_identity": {
			Meaning: "Whether the agent changes its role or its permissions to suit a task.",
			Levels: []Level{
				{"0", "None", "Identities are set in advance for each agent or tool, hard-coded with the narrowest scopes."},
				{"0.5", "Partial", "A person delegates identities, or a policy engine assigns permissions by fixed rules."},
				{"1", "Full", "It may take on any identity and picks its own permissions and scopes."},
			},
			Source: srcV05Check,
		},
		"multi_agent_interactions": {
			Meaning: "Whether the agent talks and coordinates with other agents.",
			Levels: []Level{
				{"0", "None", "It has no exchange with other agents."},
				{"0.5", "Partial", "A chosen few agents, with coordination laid down beforehand."},
				{"1", "Full", "It may talk to any agent, and the agents themselves decide how they coordinate."},
			},
			Source: srcV05Check,
		},
		"non_determinism": {
			Meaning: "How unpredictable the agent's output is for a given input.",
			Levels: []Level{
				{"0", "None", "Inputs and outputs checked against schemas, decisions from known business logic, tools that always answer the same."},
				{"0.5", "Partial", "Either the inputs or the outputs are constrained, not both; dynamic decisions only among a few tools or agents."},
				{"1", "Full", "Agents exchange free text with no schema, find tools and agents as they go, and nothing bounds what goes in or out."},
			},
			Source: srcV05Check,
		},
		"self_modification": {
			Meaning: "Whether the agent can change its own code, models, goals or core logic.",
			Levels: []Level{
				{"0", "None", "It cannot change itself; any retraining from users' feedback happens outside it."},
				{"0.5", "Partial", "It can write to its memory or context sources, or change its goals for one session."},
				{"1", "Full", "It can write to its deployed code, its model's weights or its lasting memory, or change its goals freely."},
			},
			Source: srcV05Check,
		},
		"goal_driven_planning": {
			Meaning: "Whether the agent breaks a high-level goal down into a plan of many steps.",
			Levels: []Level{
				{"0", "None", "No breaking down of tasks: single steps, or a fixed list of goals."},
				{"0.5", "Partial", "One agent splits a task into steps, with simple reasoning."},
				{"1", "Full", "Tasks are split and coordinated across agents, with much reflection on goals or reasoning that recurses."},
			},
			Source: srcV05Check,
		},
		"contextual_awareness": {
			Meaning: "How much the agent's behaviour shifts with small changes in its prompts or in outside data.",
			Levels: []Level{
				{"0", "None", "No outside data can change its context: no internet access, a fixed system prompt."},
				{"0.5", "Partial", "A few stable outside sources, an intranet or narrow internet access, feeds that are curated and filtered."},
				{"1", "Full", "The open internet, any source that can change its context, unfiltered feeds, or goals negotiated among agents."},
			},
			Source: srcV05Check,
		},
		"opacity_and_reflexivity": {
			Meaning: "How hard it is to understand or audit the agent's reasoning.",
			Levels: []Level{
				{"0", "None", "Its reasoning is logged in full: the chain of thought, each decision's outcome, usage baselines that raise anomaly alerts."},
				{"0.5", "Partial", "Only the agent's own account of its reasons, and coarse usage figures."},
				{"1", "Full", "No view of its motives or goals, and hardly any record of the tools it finds or runs."},
			},
			Source: srcV05Check,
		},
	}
})

// The card edition: the cards print values between 0 and 1 and no rubric.
// Each factor's meaning is its v0.5 §1 definition; its levels are the
// scale's ends.
var factorsCard = sync.OnceValue(func() map[string]Definition {
	return map[string]Definition{
		"autonomy_of_action": cardFactor("How far the agent acts without a direct command from a person.",
			"Every action waits for a person's command.", "It acts wholly on its own."),
		"goal_driven_planning": cardFactor("How far the agent makes multi-step plans and carries them out.",
			"It does one thing at a time, as asked.", "It makes and follows long plans of its own."),
		"self_modification": cardFactor("How far the agent could change its own logic or code.",
			"Its logic and code cannot change.", "It rewrites its own logic or code freely."),
		"tool_use": cardFactor("How far the agent uses external tools: APIs, file systems and the like.",
			"It uses no external tool.", "It uses any external tool it likes."),
		"memory_use": cardFactor("How far what the agent remembers shapes what it does next.",
			"It keeps nothing from earlier work.", "Lasting memory guides all it does."),
		"contextual_awareness": cardFactor("How sensitive the agent is to outside inputs and their context.",
			"Outside inputs do not sway it.", "Any outside input can sway it."),
		"dynamic_identity": cardFactor("How far the agent can change its roles or permissions.",
			"Its role and permissions never change.", "It changes roles and permissions at will."),
		"multi_agent_interactions": cardFactor("How far the agent deals with other agents.",
			"It never deals with another agent.", "It deals with other agents without limit."),
		"non_determinism": cardFactor("How unpredictable the agent's behaviour is by nature.",
			"It is wholly predictable.", "It is wholly unpredictable."),
		"opacity_and_reflexivity": cardFactor("How much the agent's internal reasoning is a black box.",
			"Its reasoning is open to view.", "Its reasoning cannot be seen at all."),
	}
})

func cardFactor(meaning, none, full string) Definition {
	return Definition{
		Meaning: meaning,
		Levels:  []Level{lv("0", "Absent", none), lv("1", "Fully present", full)},
		Source:  srcCard,
	}
}

// The factor scales in general.
var scales = sync.OnceValue(func() map[string]Definition {
	return map[string]Definition{
		"v0.8": {
			Meaning: "Each factor takes one of three levels; the ten are added up into Factor_Sum, from 0 to 10.",
			Levels: []Level{
				{"0", "None", "The agent lacks the trait."},
				{"0.5", "Partial", "The trait is there, but held in or limited."},
				{"1", "Full", "The trait is a main feature, enabled without restraint."},
			},
			Source: "OWASP AIVSS v0.8, §2.1 Table 1",
		},
		"v0.5": {
			Meaning: "Each factor takes one of three levels; their sum is the AARS, from 0 to 10, averaged with the CVSS score.",
			Levels: []Level{
				{"0", "None", "Not present in the agent."},
				{"0.5", "Partial", "Present, with limits or constraints."},
				{"1", "Full", "Present in full, with no constraint."},
			},
			Source: "OWASP AIVSS v0.5, §3.1",
		},
		"card": {
			Meaning: "Each factor is a number from 0.00 to 1.00; the ten are added up into Factor_Sum, as in v0.8.",
			Levels: []Level{
				{"0", "Absent", "The agent shows none of the trait."},
				{"1", "Fully present", "The trait is there in full."},
			},
			Note: "The cards print values such as 0.20 or 0.80 and give no rubric between the ends: a value in between is " +
				"the assessor's judgement of how much of the trait the agent has. The nearest published rubric is " +
				"v0.5's three levels for the same factors (switch the edition to v0.5 to read them).",
			Source: srcCard,
		},
	}
})

// The threat multiplier.
var thm = sync.OnceValue(func() map[string]Definition {
	return map[string]Definition{
		"v0.8": {
			Meaning: "How likely exploitation is, from what is known of exploits: v0.8 takes CVSS v4.0's Exploit Maturity levels, " +
				"and a vector's E sets it.",
			Levels: []Level{
				{"1", "Attacked", "It is being exploited in the wild."},
				{"0.97", "Proof-of-Concept", "Working exploit code, or a detailed walkthrough, exists; the default when ThM is not given."},
				{"0.5", "Unreported", "No exploit is known: the attack is theoretical."},
			},
			Source: "OWASP AIVSS v0.8, Table 4a",
		},
		"v0.5": {
			Meaning: "How likely exploitation is; v0.5 starts at 0.97 and ties the value to CVSS's Exploit Maturity, " +
				"which a vector's E sets.",
			Levels: []Level{
				{"1", "Attacked", "Seen exploited in the wild (E:A): v0.5 raises ThM to its top."},
				{"0.97", "Proof-of-Concept", "A proof of concept is known (E:P); v0.5's starting value."},
				{"0.91", "Unreported", "No exploit reported (E:U); v0.5 only suggests lowering ThM, and 0.91 is its reference calculator's value."},
			},
			Source: "OWASP AIVSS v0.5, §4.1.4–4.1.5, and its reference calculator",
		},
		"card": {
			Meaning: "A number that scales the agentic uplift (AARS) by how pressing the threat is; the cards do not tie it to CVSS's Exploit Maturity.",
			Levels: []Level{
				{"0", "Lowest", "0 takes the agentic uplift away altogether."},
				{"1", "Neutral", "1.00 leaves the uplift as it is; threatcard's default, as the cards state none."},
				{"2", "Highest", "2, the top of threatcard's range, doubles the uplift."},
			},
			Note:   "The cards print values from 0.90 to 1.10 and no rubric; the range 0 to 2 is threatcard's.",
			Source: "the cards' printed values",
		},
	}
})

// The mitigation factor.
var mf = sync.OnceValue(func() map[string]Definition {
	return map[string]Definition{
		"v0.8": {
			Meaning: "How much the controls in place lower the risk; it multiplies the whole score, and so can bring it under the CVSS score.",
			Levels: []Level{
				{"1", "None", "No mitigation, or only weak mitigation; the default."},
				{"0.83", "Partial", "Mitigations exist but are incomplete, cannot be relied on to hold, or have not been validated."},
				{"0.67", "Strong", "Mitigations are validated, enforced every time and fail closed; 0.67 is the floor, which v0.8 calls provisional."},
			},
			Source: "OWASP AIVSS v0.8, Table 4b",
		},
		"v0.5": {
			Meaning: "v0.5 has no mitigation factor: its score is the average of CVSS and AARS times ThM.",
			Levels: []Level{
				{"1", "None", "Nothing lowers the score for mitigation in v0.5."},
			},
			Source: "OWASP AIVSS v0.5, §4.1",
		},
		"card": {
			Meaning: "A number from 0 to 1 that scales the whole score down for the mitigations in place, as in v0.8's formula.",
			Levels: []Level{
				{"0", "Lowest", "0 would bring any score down to 0; the bottom of threatcard's range."},
				{"1", "No reduction", "1.00 leaves the score as it is; threatcard's default."},
			},
			Note: "The cards print values from 0.55 to 1.00 and no rubric. v0.8's anchors may guide a choice: " +
				"1.00 for none or weak, 0.83 for partial, 0.67 for strong mitigation.",
			Source: "the cards' printed values",
		},
	}
})
