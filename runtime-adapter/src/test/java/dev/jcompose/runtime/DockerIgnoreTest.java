package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The .dockerignore rules, as the Docker CLI applies them. */
class DockerIgnoreTest {

    /** Each row: the ignore file (| separates lines), a path, whether it is excluded. */
    @ParameterizedTest(name = "[{index}] {0} : {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
        // a plain name excludes the file or directory, and everything inside the directory
        "node_modules; node_modules; true",
        "node_modules; node_modules/a/b.js; true",
        "node_modules; src/node_modules; false",
        // * stays inside one directory level
        "*.log; a.log; true",
        "*.log; logs/a.log; false",
        "logs/*.log; logs/a.log; true",
        "logs/*.log; logs/deep/a.log; false",
        "*; anything/at/all; true",
        // ** spans any number of directories, including none
        "**/*.log; a.log; true",
        "**/*.log; x/y/z/a.log; true",
        "**/*.log; x/y/z/a.txt; false",
        "a/**/b; a/b; true",
        "a/**/b; a/x/y/b; true",
        "a/**/b; a/x/y/c; false",
        "a/**; a/x/y; true",
        "**; whatever/it/is; true",
        // ? is one character, not a slash
        "?.txt; a.txt; true",
        "?.txt; ab.txt; false",
        "a?b; a/b; false",
        // character classes, negated with ^
        "[a-c].txt; b.txt; true",
        "[a-c].txt; d.txt; false",
        "[^a-c].txt; d.txt; true",
        "[^a-c].txt; a.txt; false",
        "[]].txt; ].txt; true",
        // a backslash escapes
        "\\*.txt; *.txt; true",
        "\\*.txt; a.txt; false",
        // patterns are cleaned like paths: ./, //, trailing / and a leading / go
        "./build//out/; build/out/x; true",
        "/secrets; secrets/key; true",
        "a/../b; b; true",
        // comments only at the very start of a line; blanks around patterns are trimmed
        "# *.txt|x; a.txt; false",
        "  *.txt  ; a.txt; true",
        // the last matching pattern decides; ! re-includes
        "*.md|!README.md; README.md; false",
        "*.md|!README.md; CHANGES.md; true",
        "!README.md|*.md; README.md; true",
        "docs|!docs/keep|docs/keep/secret; docs/keep/file; false",
        "docs|!docs/keep|docs/keep/secret; docs/keep/secret; true",
        "docs|!docs/keep|docs/keep/secret; docs/other; true",
        "**/*.log|!**/important.log; deep/dir/important.log; false",
        "! *.log |*; x.log; true",
        // dots are literal
        "a.b; axb; false",
        "(x)+; (x)+; true",
    })
    void rules(String file, String path, boolean excluded) {
        DockerIgnore rules = DockerIgnore.parse(file.replace('|', '\n'));
        assertEquals(excluded, rules.excludes(path), rules.toString());
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreHandled() {
        DockerIgnore rules = DockerIgnore.parse("\uFEFF*.tmp\r\n!keep.tmp\r\n");
        assertTrue(rules.excludes("a.tmp"));
        assertFalse(rules.excludes("keep.tmp"));
    }

    @Test
    void includingAddsExceptionsThatWinOverEverything() {
        DockerIgnore rules = DockerIgnore.parse("*\n").including("docker/Dockerfile",
                ".dockerignore");
        assertFalse(rules.excludes("docker/Dockerfile"));
        assertFalse(rules.excludes(".dockerignore"));
        assertTrue(rules.excludes("docker/other"));
        assertTrue(rules.excludes("src"));
    }

    @Test
    void excludedDirectoriesAreWalkedOnlyWhenAnExceptionMayReachInside() {
        DockerIgnore rules = DockerIgnore.parse("""
                node_modules
                !node_modules/keep/**
                build
                target
                !**/KEEP
                """);
        assertTrue(rules.mayIncludeInside("node_modules"));
        assertTrue(rules.mayIncludeInside("node_modules/keep"));
        assertTrue(rules.mayIncludeInside("build"), "!**/KEEP may match anywhere");
        DockerIgnore narrow = DockerIgnore.parse("build\ntarget\n!src/main\n");
        assertFalse(narrow.mayIncludeInside("build"));
        assertFalse(narrow.mayIncludeInside("target"));
        assertTrue(narrow.mayIncludeInside("src"));
        assertFalse(DockerIgnore.parse("x\n").mayIncludeInside("x"));
    }

    @Test
    void invalidPatternsAreErrorsNamingTheLine() {
        DockerIgnore.InvalidPattern bang = assertThrows(DockerIgnore.InvalidPattern.class,
                () -> DockerIgnore.parse("a\n!\n"));
        assertTrue(bang.getMessage().startsWith("line 2: "), bang.getMessage());
        DockerIgnore.InvalidPattern bracket = assertThrows(DockerIgnore.InvalidPattern.class,
                () -> DockerIgnore.parse("# x\n[abc\n"));
        assertTrue(bracket.getMessage().startsWith("line 2: \"[abc\" is not a valid pattern"),
                bracket.getMessage());
    }

    @Test
    void cleaningFollowsPathRules() {
        for (List<String> c : List.of(List.of("a/./b/", "a/b"), List.of("/a", "a"),
                List.of("../a", "../a"), List.of("a/b/../../..", ".."), List.of("./", "."))) {
            assertEquals(c.get(1), DockerIgnore.clean(c.get(0)), c.get(0));
        }
    }
}
