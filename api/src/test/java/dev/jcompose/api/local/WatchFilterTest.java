package dev.jcompose.api.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.Develop;
import dev.jcompose.runtime.DockerIgnore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WatchFilterTest {

    private static final Path ROOT = Path.of("/proj/src");

    private static WatchFilter filter(List<String> ignore, List<String> include) {
        Develop.Watch rule = new Develop.Watch(ROOT.toString(), "sync", "/app", ignore, include,
                null, null, null);
        return WatchFilter.of(rule, Path.of("/proj"), DockerIgnore.parse("""
                **/*.log
                src/generated
                !src/generated/keep.txt
                """));
    }

    /** host path | rule ignore (;-separated) | rule include | relative path, - when skipped. */
    @ParameterizedTest(name = "{0} ignore={1} include={2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            /proj/src/app.js                |                      |         | app.js
            /proj/src                       |                      |         | (root)
            /proj/other/app.js              |                      |         | -
            /proj/srcx/app.js               |                      |         | -
            /proj/src/a/b/c.txt             |                      |         | a/b/c.txt
            /proj/src/node_modules/x/y.js   | node_modules/        |         | -
            /proj/src/node_modules          | node_modules/        |         | -
            /proj/src/lib/node_modules/x.js | node_modules/        |         | lib/node_modules/x.js
            /proj/src/lib/node_modules/x.js | **/node_modules      |         | -
            /proj/src/a.tmp                 | *.tmp;!keep.tmp      |         | -
            /proj/src/keep.tmp              | *.tmp;!keep.tmp      |         | keep.tmp
            /proj/src/.git/HEAD             |                      |         | -
            /proj/src/sub/.git/objects/ab   |                      |         | -
            /proj/src/.gitignore            |                      |         | .gitignore
            /proj/src/app.js.swp            |                      |         | -
            /proj/src/.app.js.swx           |                      |         | -
            /proj/src/app.js~               |                      |         | -
            /proj/src/4913                  |                      |         | -
            /proj/src/.#app.js              |                      |         | -
            /proj/src/#app.js#              |                      |         | -
            /proj/src/app.js___jb_tmp___    |                      |         | -
            /proj/src/.app.js.kate-swp      |                      |         | -
            /proj/src/server.log            |                      |         | -
            /proj/src/generated/a.java      |                      |         | -
            /proj/src/generated/keep.txt    |                      |         | generated/keep.txt
            /proj/src/app.js                |                      | *.js    | app.js
            /proj/src/app.css               |                      | *.js    | -
            /proj/src/lib/app.js            |                      | *.js    | -
            /proj/src/lib/app.js            |                      | **/*.js | lib/app.js
            /proj/src/static/a.png          |                      | static  | static/a.png
            /proj/src/static/x.js           | static/x.js          | static  | -
            """)
    void decidesLikeDockerignore(String file, String ignore, String include, String want) {
        WatchFilter f = filter(ignore == null ? List.of() : List.of(ignore.split(";")),
                include == null ? List.of() : List.of(include.split(";")));
        Optional<String> got = f.relative(Path.of(file));
        assertEquals(want, got.map(r -> r.isEmpty() ? "(root)" : r).orElse("-"));
    }
}
