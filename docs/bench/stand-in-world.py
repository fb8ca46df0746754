#!/usr/bin/env python3
"""A stand-in synthetic world for `bench --input`, until the Java WorldGenerator is wired in.

Writes N-Quads of about N triples in the project's named-graph layout: states, roles, posts,
people and tenures in the reference graph; per synthetic article (graph .../graph/source/
synthetic-article-K) a meeting with two participants, statements that reaffirm or revise a
state's position, and stances on a proposal. Everything is synthetic: IRIs under
.../id/synthetic-..., labels that say "Synthetic". Usage: stand-in-world.py N SEED > world.nq
"""
import random
import sys

ID = "https://w3id.org/diplomacy-kg/id/synthetic-"
DKG = "https://w3id.org/diplomacy-kg/ontology#"
G = "https://w3id.org/diplomacy-kg/graph/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD_DT = "http://www.w3.org/2001/XMLSchema#dateTime"


def main(target, seed):
    rnd = random.Random(seed)
    out = sys.stdout
    count = 0

    def q(s, p, o, g):
        nonlocal count
        out.write(f"<{s}> <{p}> {o} <{g}> .\n")
        count += 1

    def iri(x):
        return f"<{x}>"

    def label(text):
        return '"' + text + '"@en'

    def date(day):
        return f'"2020-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}T00:00:00"^^<{XSD_DT}>'

    ref = G + "reference"
    # About 200 states at most, as in the world: counterparts (same role, other state) are
    # quadratic in the states, so they may not grow with the data.
    states = min(195, max(4, target // 2000))
    issues = max(3, target // 20000)
    roles = ["foreign-minister", "head-of-state", "defence-minister", "envoy"]
    for r in roles:
        q(ID + "role-" + r, RDF_TYPE, iri(DKG + "Role"), ref)
        q(ID + "role-" + r, LABEL, label("Synthetic role " + r), ref)
    people = []
    for s in range(states):
        st = f"{ID}state-{s}"
        q(st, RDF_TYPE, iri(DKG + "State"), ref)
        q(st, LABEL, label(f"Synthetic state {s}"), ref)
        for i in range(issues):
            pos = f"{ID}position-{s}-{i}"
            q(pos, RDF_TYPE, iri(DKG + "NegotiatingPosition"), ref)
            q(pos, DKG + "positionHolder", iri(st), ref)
            q(pos, DKG + "demand", iri(f"{ID}demand-{s}-{i}"), ref)
            q(f"{ID}demand-{s}-{i}", RDF_TYPE, iri(DKG + "Demand"), ref)
            q(f"{ID}demand-{s}-{i}", LABEL, label(f"Synthetic demand of state {s} on issue {i}"), ref)
        for r in roles:
            post = f"{ID}post-{r}-{s}"
            q(post, RDF_TYPE, iri(DKG + "Post"), ref)
            q(post, DKG + "postIn", iri(st), ref)
            q(post, DKG + "role", iri(ID + "role-" + r), ref)
            q(post, LABEL, label(f"Synthetic post {r} of state {s}"), ref)
            for k in range(2):
                person = f"{ID}person-{s}-{r}-{k}"
                people.append((person, s))
                q(person, RDF_TYPE, iri(DKG + "Person"), ref)
                q(person, LABEL, label(f"Synthetic person {s}-{r}-{k}"), ref)
                tenure = f"{ID}tenure-{s}-{r}-{k}"
                q(tenure, RDF_TYPE, iri(DKG + "Tenure"), ref)
                q(tenure, DKG + "holder", iri(person), ref)
                q(tenure, DKG + "post", iri(post), ref)
                q(tenure, DKG + "startDate", date(k * 150), ref)
                if k == 0:
                    q(tenure, DKG + "endDate", date(149), ref)
    article = 0
    while count < target:
        g = f"{G}source/synthetic-article-{article}"
        a = f"{ID}article-{article}"
        q(a, RDF_TYPE, iri(DKG + "Article"), g)
        q(a, LABEL, label(f"Synthetic article {article}"), g)
        day = rnd.randrange(300)
        m = f"{ID}meeting-{article}"
        q(m, RDF_TYPE, iri(DKG + rnd.choice(["PhoneCall", "Summit", "PressConference"])), g)
        q(m, LABEL, label(f"Synthetic meeting {article}"), g)
        q(m, DKG + "date", date(day), g)
        p1, s1 = rnd.choice(people)
        p2, s2 = rnd.choice(people)
        q(m, DKG + "participant", iri(p1), g)
        q(m, DKG + "participant", iri(p2), g)
        issue = rnd.randrange(issues)
        for k in range(3):
            st = f"{ID}statement-{article}-{k}"
            q(st, RDF_TYPE, iri(DKG + "Statement"), g)
            q(st, DKG + "speaker", iri(p1), g)
            q(st, DKG + "date", date(day + k), g)
            q(st, DKG + "occasion", iri(m), g)
            q(st, DKG + ("revises" if rnd.random() < 0.2 else "reaffirms"), iri(f"{ID}position-{s1}-{issue}"), g)
            q(st, DKG + "content", label(f"Synthetic statement {article}-{k}"), g)
        prop = f"{ID}proposal-{article}"
        q(prop, RDF_TYPE, iri(DKG + "Proposal"), g)
        q(prop, LABEL, label(f"Synthetic proposal {article}"), g)
        for kind, who in (("Support", s1), ("Rejection", s2)):
            sn = f"{ID}stance-{article}-{kind.lower()}"
            q(sn, RDF_TYPE, iri(DKG + kind), g)
            q(sn, DKG + "stanceHolder", iri(f"{ID}state-{who}"), g)
            q(sn, DKG + "stanceOn", iri(prop), g)
            q(sn, DKG + "date", date(day), g)
        article += 1


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 42)
