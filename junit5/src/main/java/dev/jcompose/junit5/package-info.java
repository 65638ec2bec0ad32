/**
 * A JUnit 5 extension that starts a compose stack around test classes: annotate a class with
 * {@link dev.jcompose.junit5.ComposeStack}, and take the stack's handle or a service's endpoint as
 * test parameters ({@link dev.jcompose.junit5.ServiceEndpoint}).
 */
package dev.jcompose.junit5;
