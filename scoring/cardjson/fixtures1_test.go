package cardjson

// wantHandJSON1 is handCard's JSON in format threatcard/1, as threatcard
// wrote it before findings (written out by hand then): Unmarshal still
// reads it into handCard.
const wantHandJSON1 = `{
  "format": "threatcard/1",
  "title": "Ticket triage bot",
  "summary": "Reads support tickets\nand labels them.",
  "aivss": {
    "edition": "v0.8",
    "cvss_vector": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
    "cvss_score": null,
    "factors": {
      "autonomy": "1",
      "tools": "1",
      "language": "1",
      "context": "0.5",
      "non_determinism": "0.5",
      "opacity": "0.5",
      "persistence": "0",
      "identity": "0",
      "multi_agent": "0",
      "self_mod": "0"
    },
    "thm": "0.97",
    "mf": "1",
    "score": "9.6",
    "severity": "Critical"
  },
  "maestro": {
    "layers": [
      {
        "layer": 1,
        "name": "Foundation Models",
        "status": "mapped",
        "notes": "Reads untrusted ticket text.",
        "threats": [
          {
            "catalog_id": "l1-prompt-injection",
            "title": "",
            "name": "Prompt Injection and Jailbreaks",
            "description": "",
            "asi": "ASI01",
            "likelihood": "High",
            "impact": "Medium",
            "risk": "High",
            "mitigations": "Strip markup\nReview labels",
            "state": "mitigated"
          },
          {
            "catalog_id": "",
            "title": "Label flooding",
            "name": "Label flooding",
            "description": "Many bogus labels.",
            "asi": null,
            "likelihood": null,
            "impact": null,
            "risk": null,
            "mitigations": "",
            "state": "accepted"
          }
        ]
      },
      {
        "layer": 2,
        "name": "Data Operations",
        "status": "uncertain",
        "notes": "Ticket storage is not described.",
        "threats": []
      },
      {
        "layer": 3,
        "name": "Agent Frameworks",
        "status": "not-assessed",
        "notes": "",
        "threats": []
      },
      {
        "layer": 4,
        "name": "Deployment and Infrastructure",
        "status": "not-assessed",
        "notes": "",
        "threats": []
      },
      {
        "layer": 5,
        "name": "Evaluation and Observability",
        "status": "not-assessed",
        "notes": "",
        "threats": []
      },
      {
        "layer": 6,
        "name": "Security and Compliance",
        "status": "mapped",
        "notes": "",
        "threats": []
      },
      {
        "layer": 7,
        "name": "Agent Ecosystem",
        "status": "not-assessed",
        "notes": "",
        "threats": []
      }
    ],
    "cross_layer": [
      {
        "catalog_id": "x-lateral-movement",
        "title": "",
        "name": "Lateral Movement",
        "description": "Via the shared queue.",
        "layers": [
          2,
          4
        ],
        "asi": null,
        "likelihood": "Low",
        "impact": "High",
        "risk": "Medium",
        "mitigations": "",
        "state": "open"
      }
    ]
  }
}
`
