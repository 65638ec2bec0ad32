package dev.jcompose.samples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.zipkin.autoconfigure.ZipkinConnectionDetails;
import org.springframework.context.annotation.Bean;

/**
 * An application that sends its spans to Zipkin: where Zipkin is comes from a service
 * connection, which Spring Boot's docker compose support finds in compose.yaml's running
 * services.
 */
@SpringBootApplication
public class TracingApplication {

    /** Where the application's spans go. */
    public record SpanSink(String endpoint) { }

    @Bean
    SpanSink spanSink(ZipkinConnectionDetails zipkin) {
        return new SpanSink(zipkin.getSpanEndpoint());
    }

    public static void main(String[] args) {
        SpringApplication.run(TracingApplication.class, args);
    }
}
