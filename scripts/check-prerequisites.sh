#!/bin/sh
# `sh scripts/check-prerequisites.sh python node java`: checks the tools a make target needs before it
# starts, and names everything missing on one line, instead of a traceback ten minutes in.
#   python  $PYTHON (default python3) 3.11 or newer: creates .venv; the package needs 3.11
#   node    Node.js 20 or newer with npm: Redocly CLI and TypeScript (spec-check, ts-client, docs)
#   java    Java 17 or newer: openapi-generator, which writes the TypeScript client (ts-client)
# Exit status 0 when all are there, 1 otherwise.

missing=""
add() { missing="${missing:+$missing; }$1"; }

# major version of "v20.1.0", "3.11.7", "17.0.15" or "1.8.0_402" (Java 8 and older say 1.x).
major() {
    version=${1#v}
    case $version in 1.*) version=${version#1.} ;; esac
    echo "${version%%[._-]*}"
}
minor() {
    rest=${1#*.}
    echo "${rest%%[._-]*}"
}

for tool in "$@"; do
    case $tool in
    python)
        python=${PYTHON:-python3}
        if found=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null); then
            if [ "$(major "$found")" -lt 3 ] || { [ "$(major "$found")" -eq 3 ] && [ "$(minor "$found")" -lt 11 ]; }; then
                add "Python 3.11+ ($python is $found; set PYTHON=python3.11 or newer)"
            fi
        else
            add "Python 3.11+ ($python not found; set PYTHON to one)"
        fi
        ;;
    node)
        if found=$(node --version 2>/dev/null); then
            if [ "$(major "$found")" -lt 20 ]; then add "Node.js 20+ (node is $found)"; fi
        else
            add "Node.js 20+ (node not found)"
        fi
        if ! command -v npm >/dev/null 2>&1; then add "npm (comes with Node.js; not found)"; fi
        ;;
    java)
        # `java -version` writes e.g. 'openjdk version "17.0.15" 2025-04-15' to stderr.
        if found=$(java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1) && [ -n "$found" ]; then
            if [ "$(major "$found")" -lt 17 ]; then add "Java 17+ for the TypeScript check (java is $found)"; fi
        else
            add "Java 17+ for the TypeScript check (java not found)"
        fi
        ;;
    *)
        echo "check-prerequisites: unknown tool '$tool'" >&2
        exit 2
        ;;
    esac
done

if [ -n "$missing" ]; then
    echo "missing prerequisites: $missing (README, \"Development\", lists them)" >&2
    exit 1
fi
