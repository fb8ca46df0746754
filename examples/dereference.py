#!/usr/bin/env python3
"""Answers three competency questions of diplomacy-kg by following its linked data.

No SPARQL: the script starts from a few IRIs, dereferences each thing it needs
(``GET http://localhost:3030/id/<slug>`` with ``Accept: text/turtle``), reads the Turtle with
rdflib and follows the links it finds, as any linked-data client would. The things' IRIs are
public (``https://w3id.org/diplomacy-kg/id/<slug>``); the server answers for them at
``$DKG_BASE/id/<slug>``, and for ontology terms at ``$DKG_BASE/ontology``.

    python3 examples/dereference.py           # server at http://localhost:3030
    DKG_BASE=http://localhost:3045 python3 examples/dereference.py

Prints each answer; exits 1 if an answer differs from what the article says, 2 if the server
cannot be read.
"""

import os
import sys
import urllib.error
import urllib.request

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

BASE = os.environ.get("DKG_BASE", "http://localhost:3030").rstrip("/")
PUBLIC = "https://w3id.org/diplomacy-kg/"
ID = Namespace(PUBLIC + "id/")
DKG = Namespace(PUBLIC + "ontology#")


class Unreadable(Exception):
    """The server did not give a description of something it should describe."""


class LinkedData:
    """The descriptions read so far, merged into one graph; each document is fetched once."""

    def __init__(self):
        self.graph = Graph()
        self.fetched = set()

    @staticmethod
    def url_of(iri):
        """Where this server describes a public IRI (without its fragment), or None."""
        if not str(iri).startswith(PUBLIC):
            return None
        return BASE + "/" + str(iri)[len(PUBLIC):].split("#")[0]

    def describe(self, iri):
        """Makes sure the description of ``iri`` has been read; returns ``iri``."""
        url = self.url_of(iri)
        if url is None or url in self.fetched:
            return iri
        self.fetched.add(url)
        request = urllib.request.Request(url, headers={"Accept": "text/turtle"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                media_type = response.headers.get_content_type()
                body = response.read()
        except (urllib.error.URLError, OSError) as error:
            raise Unreadable(f"GET {url}: {error}") from error
        if media_type != "text/turtle":
            raise Unreadable(f"GET {url} with Accept: text/turtle gave {media_type}")
        self.graph.parse(data=body, format="turtle", publicID=url)
        return iri

    def objects(self, subject, predicate):
        self.describe(subject)
        return sorted(self.graph.objects(subject, predicate))

    def value(self, subject, predicate):
        """The one value of a property, or None."""
        values = self.objects(subject, predicate)
        return values[0] if values else None

    def subjects(self, predicate, obj):
        """Things that link to ``obj``, as far as the descriptions read so far say."""
        self.describe(obj)
        return sorted(self.graph.subjects(predicate, obj))

    def label(self, thing, lang="en"):
        labels = self.objects(thing, RDFS.label)
        for label in labels:
            if label.language == lang:
                return str(label)
        return str(labels[0]) if labels else str(thing)


def day(literal):
    """The date part of an xsd:dateTime literal, e.g. '2025-08-15'; None for None."""
    return None if literal is None else str(literal)[:10]


def slug(iri):
    return str(iri)[len(str(ID)):] if str(iri).startswith(str(ID)) else str(iri)


class Checks:
    """Collects wrong answers so that every question is still answered."""

    def __init__(self):
        self.failures = []

    def expect(self, actual, expected, what):
        if actual != expected:
            self.failures.append(f"{what}: expected {expected!r}, got {actual!r}")
            print(f"  WRONG {what}: expected {expected!r}, got {actual!r}")


def q2_summits(web, checks):
    print("Q2. Which Trump-Putin summits are known, with place, date and status?")
    trump, putin = ID["donald-trump"], ID["vladimir-putin"]
    roles = (DKG.participant, DKG.plannedParticipant)

    def attended_by(person):
        return {s for role in roles for s in web.subjects(role, person)}

    summits = sorted(s for s in attended_by(trump) & attended_by(putin) if DKG.Summit in web.objects(s, RDF.type))
    found = {}
    for summit in summits:
        place = web.value(summit, DKG.location)
        country = country_of(web, place)
        date = day(web.value(summit, DKG.date))
        status = web.label(web.value(summit, DKG.status))
        found[slug(summit)] = (date, status)
        print(f"  {web.label(summit)}: at {web.label(place)} ({web.label(country) if country else '?'}),"
              f" {date or 'no date'}, {status}")
    checks.expect(found, {"alaska-summit-2025": ("2025-08-15", "held"),
                          "budapest-summit-2025": (None, "cancelled")}, "Q2 summits (date, status)")


def country_of(web, place):
    """The state a place is territory of, following dkg:locatedIn upwards (Anchorage, Alaska, ...)."""
    seen = set()
    todo = [place]
    while todo:
        here = todo.pop(0)
        if here in seen:
            continue
        seen.add(here)
        state = web.value(here, DKG.territoryOf)
        if state is not None:
            return state
        todo.extend(web.objects(here, DKG.locatedIn))
    return None


def q4_call_participants(web, checks):
    print("Q4. Which people took part in the 20 October call, and for which states?")
    call = ID["lavrov-rubio-call-2025-10-20"]
    date = web.value(call, DKG.date)
    print(f"  {web.label(call)} ({day(date)})")
    acted_for = {}
    for person in web.objects(call, DKG.participant):
        for tenure in web.objects(person, DKG.holds):
            start, end = web.value(tenure, DKG.startDate), web.value(tenure, DKG.endDate)
            if start is None or start.toPython() > date.toPython() or (end is not None and end.toPython() < date.toPython()):
                continue
            post = web.value(tenure, DKG.post)
            state = web.value(post, DKG.postIn)
            acted_for[web.label(person)] = web.label(state)
            print(f"  {web.label(person)}, {web.label(post)}, for {web.label(state)}")
    checks.expect(acted_for, {"Sergey Lavrov": "Russia", "Marco Rubio": "United States"}, "Q4 participants and states")


def q13_position_unchanged(web, checks):
    print("Q13. Since when has Russia's position been unchanged, and as of when?")
    position = ID["russia-position-on-ukraine"]
    holder = web.value(position, DKG.positionHolder)
    since = day(web.value(position, DKG.unchangedSince))
    as_of = day(web.value(position, DKG.lastReaffirmed))
    print(f"  {web.label(position)} (held by {web.label(holder)}): unchanged since {since}, as of {as_of}")
    checks.expect(slug(holder), "russia", "Q13 holder")
    checks.expect((since, as_of), ("2025-08-15", "2025-10-21"), "Q13 (unchanged since, as of)")


def main():
    web = LinkedData()
    checks = Checks()
    try:
        for question in (q2_summits, q4_call_participants, q13_position_unchanged):
            question(web, checks)
            print()
    except Unreadable as error:
        print(f"Cannot read the linked data at {BASE}: {error}", file=sys.stderr)
        return 2
    print(f"{len(web.fetched)} documents read from {BASE}.")
    if checks.failures:
        print("Wrong answers:\n  " + "\n  ".join(checks.failures), file=sys.stderr)
        return 1
    print("All answers as expected.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
