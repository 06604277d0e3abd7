#!/usr/bin/env python3
"""Checks the module layering of src/: no file imports from a layer above its own, and no import
cycle between files. A dependency is any `crate::…`, `super::…` or `self::…` path in code (not in
comments or strings), resolved to the file that defines the named item, so re-exports count as
the defining file. Prints the offending edges and exits 1 when a rule is broken."""
import os, re, sys
from collections import defaultdict

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")

# Lowest first. A file may depend on files of its own layer or of a lower one.
LAYERS = [
    ("base", ["source", "cidr", "k8s", "limits", "findings", "read"]),
    ("parse", ["parse"]),
    ("facts", ["facts", "settings"]),
    ("extract", ["classify", "extract"]),
    ("rules", ["rules"]),
    ("pipeline", ["config", "configs", "discover", "suppress", "baseline", "gitindex", "lib", "outcome", "project_stage"]),
    ("report", ["report"]),
    ("cli", ["main", "listing", "output", "server"]),
]
LAYER_OF = {name: i for i, (_, names) in enumerate(LAYERS) for name in names}


def module_path(rel):
    parts = rel[:-3].split("/")
    if parts[-1] == "mod":
        parts = parts[:-1]
    if parts == ["lib"] or parts == ["main"]:
        return parts
    return parts


def strip(code):
    code = re.sub(r"//[^\n]*", "", code)
    code = re.sub(r"/\*.*?\*/", "", code, flags=re.S)
    code = re.sub(r'r#*"(?:.|\n)*?"#*', '""', code)
    code = re.sub(r'"(?:\\.|[^"\\])*"', '""', code)
    code = re.sub(r"'(?:\\.|[^'\\])'", "''", code)
    return code


def strip_tests(code):
    # `#[cfg(test)] mod tests { … }` may use anything.
    m = re.search(r"#\[cfg\(test\)\]\s*mod\s+\w+\s*\{", code)
    return code[: m.start()] if m else code


def main():
    files = {}
    for root, _, names in os.walk(SRC):
        for n in names:
            if n.endswith(".rs"):
                full = os.path.join(root, n)
                rel = os.path.relpath(full, SRC).replace(os.sep, "/")
                files[rel] = strip_tests(strip(open(full, encoding="utf-8").read()))
    mods = {tuple(module_path(r)): r for r in files}
    # Items defined per file, to resolve re-exports to their definition.
    defs = defaultdict(set)
    for rel, code in files.items():
        for m in re.finditer(r"\b(?:struct|enum|fn|trait|type|const|static|mod)\s+(\w+)", code):
            defs[rel].add(m.group(1))

    def resolve(segments, here):
        """Longest module prefix, then the item if it is defined in a child file of it."""
        for n in range(len(segments), 0, -1):
            key = tuple(segments[:n])
            if key in mods:
                return mods[key]
        # An item of the crate root (`crate::MAX_FILE_BYTES`).
        return "lib.rs" if segments and segments[0] in defs["lib.rs"] else None

    edges = defaultdict(set)
    path_re = re.compile(r"\b(crate|super|self)((?:::\w+)+)")
    use_group = re.compile(r"\buse\s+(crate|super|self)((?:::\w+)*)::\{([^;]*)\};", re.S)
    for rel, code in files.items():
        here = list(module_path(rel))
        if rel in ("lib.rs", "main.rs"):
            here = []
        refs = []
        for m in use_group.finditer(code):
            base = m.group(2).split("::")[1:]
            for item in re.split(r"[,\s{}]+", m.group(3)):
                item = item.split("::")[0]
                if item and item not in ("self", "as"):
                    refs.append((m.group(1), base + [item]))
        for m in path_re.finditer(code):
            refs.append((m.group(1), m.group(2).split("::")[1:]))
        # Child modules named directly (`kubeadm::config(…)` inside extract/mod.rs).
        for child in re.findall(r"\bmod\s+(\w+)\s*;", code):
            for m in re.finditer(r"(?<![:\w])" + child + r"((?:::\w+)+)", code):
                refs.append(("self", [child] + m.group(1).split("::")[1:]))
        for head, segs in refs:
            if head == "crate":
                full = segs
            elif head == "self":
                full = here + segs
            else:
                full = here[:-1] + segs
            target = resolve(full, rel)
            if target is None or target == rel:
                continue
            # A name defined in a child module file (a re-export in mod.rs) resolves to the child.
            tkey = tuple(module_path(target)) if target not in ("lib.rs",) else ()
            rest = full[len(tkey):]
            if rest and rest[0] not in defs[target]:
                for child, crel in mods.items():
                    if child[:-1] == tkey and rest[0] in defs[crel]:
                        target = crel
                        break
            if target != rel:
                edges[rel].add(target)

    def layer(rel):
        top = module_path(rel)[0]
        return LAYER_OF.get(top)

    bad = []
    for a, bs in sorted(edges.items()):
        for b in sorted(bs):
            la, lb = layer(a), layer(b)
            if la is None or lb is None:
                bad.append(f"unlayered module: {a if la is None else b}")
            elif lb > la:
                bad.append(f"upward import: {a} ({LAYERS[la][0]}) -> {b} ({LAYERS[lb][0]})")
    # Cycles (Tarjan's strongly connected components).
    index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                sccs.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(files):
        if v not in index:
            visit(v)
    for c in sccs:
        bad.append("import cycle: " + " <-> ".join(c))
    big = [(n, r) for r, code in files.items() if (n := open(os.path.join(SRC, r)).read().count("\n")) > 500]
    for n, r in sorted(big):
        bad.append(f"file over 500 lines: {r} ({n})")
    for b in sorted(set(bad)):
        print(b)
    print(f"{len(files)} files, {sum(len(v) for v in edges.values())} imports between files")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
