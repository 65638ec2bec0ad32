#!/usr/bin/env bash
# man-page.sh HELP VERSION DATE: jcompose(1) in roff, made of the program's own help (picocli's
# usage text for the root command and every command and subcommand, as dev.jcompose.cli.HelpPages
# writes them in one run into the file HELP, each after a line "@@ jcompose COMMAND..."), so the
# page says what the parser accepts. Written to standard output.
set -euo pipefail
help="$1"; version="$2"; date="$3"

# the usage text as a roff no-fill block: backslashes escaped, control characters at line
# starts neutralised
block() {
  echo ".nf"
  sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"
  echo ".fi"
}
# section PATH: the help text of "jcompose PATH" in HELP
section() {
  awk -v m="@@ $1" '$0 == m { on = 1; next } /^@@ / { on = 0 } on' "$help"
}
grep -q '^@@ jcompose$' "$help" || { echo "man-page.sh: $help holds no help texts" >&2; exit 1; }
cat <<HEAD
.TH JCOMPOSE 1 "$date" "jcompose $version" "User Commands"
.SH NAME
jcompose \\- define and run multi-container applications (a Java implementation of Docker Compose)
.SH SYNOPSIS
.B jcompose
[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR...]
.br
.B docker compose
[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR...]
.SH DESCRIPTION
jcompose reads the same compose files as Docker Compose (compose.yaml, docker-compose.yml),
creates the same containers, networks and volumes, with the same names and labels, and answers
to the same commands. Installed as the docker CLI's compose plugin, it runs for
\\fBdocker compose\\fR.
.PP
Errors in a compose file are reported with their file, line, column and key.
.SH OPTIONS
HEAD
section jcompose | block
echo ".SH COMMANDS"
grep '^@@ jcompose ' "$help" | sed 's/^@@ //' | while IFS= read -r path; do
  echo ".SS \"$path\""
  section "$path" | block
done
cat <<'TAIL'
.SH ENVIRONMENT
.TP
.B COMPOSE_FILE, COMPOSE_PROJECT_NAME, COMPOSE_PROFILES, COMPOSE_PARALLEL_LIMIT
As for Docker Compose.
.TP
.B DOCKER_HOST, DOCKER_CONTEXT, DOCKER_CONFIG, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH
The engine jcompose talks to, as for the docker CLI.
.TP
.B JCOMPOSE_JAVA_OPTS
Extra options for the Java runtime (for example \-Xmx256m).
.SH EXIT STATUS
0 on success; 1 when a command fails; 2 for a usage error (an unknown option, a missing
argument); a service's exit code where the command says so (up \-\-exit\-code\-from, run, wait).
.SH SEE ALSO
.BR docker (1),
.BR docker-compose (1)
TAIL
