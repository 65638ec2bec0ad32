package dev.jcompose.swarm.convert;

import dev.jcompose.model.Service;
import dev.jcompose.swarm.Projects;
import java.nio.file.Path;

/** Loads one service {@code s} from the YAML of its keys, for the converters' tables. */
final class ConverterTables {

    private ConverterTables() {
    }

    /** {@code keys}: the service's keys, indented by four spaces. */
    static Service service(Path dir, String keys) {
        return new Projects(dir).load("""
                services:
                  s:
                    image: img
                """ + keys).service("s");
    }
}
