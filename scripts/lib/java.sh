# Shell helpers to find a JDK. Source this file; it defines locate_jdk, find_jdk and jdk_major.
# They use shell builtins only (no sed, sort or subshells), so the jcompose launcher pays
# almost nothing for them on every command.

# read_jdk_major DIR: sets JDK_MAJOR to the major version of the JDK at DIR (from its release
# file, else from `java -version`); fails when DIR holds no JDK.
read_jdk_major() {
  local dir="$1" line re='^JAVA_VERSION="([0-9]+)'
  JDK_MAJOR=""
  [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || return 1
  if [ -f "$dir/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      if [[ $line =~ $re ]]; then
        JDK_MAJOR="${BASH_REMATCH[1]}"
        break
      fi
    done < "$dir/release"
  else
    re='version "([0-9]+)'
    line="$("$dir/bin/java" -version 2>&1)"
    [[ $line =~ $re ]] && JDK_MAJOR="${BASH_REMATCH[1]}"
  fi
  [ -n "$JDK_MAJOR" ]
}

# jdk_major DIR: prints the major version of the JDK at DIR, or nothing.
jdk_major() {
  read_jdk_major "$1" && echo "$JDK_MAJOR"
}

# locate_jdk MIN: sets JDK_HOME and JDK_MAJOR to a JDK whose major version is at least MIN:
# JAVA_HOME if it is one, else the java on PATH, else the newest under /usr/lib/jvm. Fails when
# there is none.
locate_jdk() {
  local min="$1" c best="" best_major=0 java
  if [ -n "${JAVA_HOME:-}" ] && read_jdk_major "$JAVA_HOME" && [ "$JDK_MAJOR" -ge "$min" ]; then
    JDK_HOME="$JAVA_HOME"
    return 0
  fi
  if java="$(command -v java)" && java="$(readlink -f "$java")" \
      && read_jdk_major "${java%/bin/java}" && [ "$JDK_MAJOR" -ge "$min" ]; then
    JDK_HOME="${java%/bin/java}"
    return 0
  fi
  for c in /usr/lib/jvm/*/; do
    c="${c%/}"
    if read_jdk_major "$c" && [ "$JDK_MAJOR" -gt "$best_major" ]; then
      best="$c"
      best_major="$JDK_MAJOR"
    fi
  done
  if [ -n "$best" ] && [ "$best_major" -ge "$min" ]; then
    JDK_HOME="$best"
    JDK_MAJOR="$best_major"
    return 0
  fi
  return 1
}

# find_jdk MIN: prints the home of a JDK whose major version is at least MIN (see locate_jdk).
find_jdk() {
  locate_jdk "$1" && echo "$JDK_HOME"
}
