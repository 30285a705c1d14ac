#!/usr/bin/env python3
"""Writes the POM published with the jar: bindings/kotlin/pom.xml without what only builds it.

Usage: scripts/release-pom.py bindings/kotlin/pom.xml OUT.pom

Kept: coordinates, name, description, licenses and the runtime dependencies (kotlin-stdlib
and JNA, both on Maven Central) with their versions resolved. Dropped: <properties>,
<profiles>, <build> (the cargo and uniffi-bindgen steps) and test-scoped dependencies.
Fails if a ${...} placeholder is left unresolved.
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "http://maven.apache.org/POM/4.0.0"
ET.register_namespace("", NS)
Q = lambda tag: f"{{{NS}}}{tag}"  # noqa: E731


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    tree = ET.parse(sys.argv[1])
    pom = tree.getroot()
    props = {p.tag.split("}")[1]: (p.text or "") for p in pom.find(Q("properties"))}
    props["project.version"] = pom.findtext(Q("version"))
    for tag in ("properties", "profiles", "build"):
        for el in pom.findall(Q(tag)):
            pom.remove(el)
    deps = pom.find(Q("dependencies"))
    for dep in list(deps):
        if dep.findtext(Q("scope")) == "test":
            deps.remove(dep)
    for el in pom.iter():
        if el.text and "${" in el.text:
            el.text = re.sub(r"\$\{([^}]+)\}", lambda m: props[m.group(1)], el.text)
    ET.indent(tree)
    tree.write(sys.argv[2], encoding="UTF-8", xml_declaration=True)
    text = open(sys.argv[2], encoding="utf-8").read()
    if "${" in text:
        sys.exit(f"{sys.argv[2]}: an unresolved placeholder is left")
    names = [f"{d.findtext(Q('groupId'))}:{d.findtext(Q('artifactId'))}:{d.findtext(Q('version'))}" for d in deps]
    print(f"release pom: {sys.argv[2]}: depends on {', '.join(names)}")


if __name__ == "__main__":
    main()
