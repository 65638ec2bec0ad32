/**
 * A compose project as a Testcontainers {@code Startable}:
 * {@link dev.jcompose.testcontainers.ComposeStackContainer}.
 */
package dev.jcompose.testcontainers;
