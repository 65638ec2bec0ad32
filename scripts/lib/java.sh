# Shell helpers to find a JDK. Source this file; it defines find_jdk.

# jdk_major DIR: the major version of the JDK at DIR (from its release file), or nothing.
jdk_major() {
  local dir="$1" v
  [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || return 1
  if [ -f "$dir/release" ]; then
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$dir/release")"
  else
    v="$("$dir/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)"
  fi
  [ -n "$v" ] && echo "$v"
}

# find_jdk MIN: prints the home of a JDK whose major version is at least MIN, looking at
# JAVA_HOME, the java on PATH, then /usr/lib/jvm (newest first). Fails when there is none.
find_jdk() {
  local min="$1" candidates=() c v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidates+=("${c%/}")
  done
  for c in "${candidates[@]}"; do
    v="$(jdk_major "$c" 2>/dev/null)" || continue
    if [ -n "$v" ] && [ "$v" -ge "$min" ]; then
      echo "$c"
      return 0
    fi
  done
  return 1
}
