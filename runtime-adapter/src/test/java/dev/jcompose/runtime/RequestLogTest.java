package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code --verbose} prints of a request: its line and headers, credentials masked. */
class RequestLogTest {

    @Test
    void registryHeadersAndSecretQueryValuesAreMasked() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Registry-Auth", "eyJ1c2VybmFtZSI6ImEiLCJwYXNzd29yZCI6ImIifQ==");
        headers.put("X-Registry-Config", "e30=");
        assertEquals("POST /images/create?fromImage=r%2Fa&tag=1 [Content-Type: application/json]"
                + " [X-Registry-Auth: <redacted>] [X-Registry-Config: <redacted>]",
                RequestLog.describe("POST", "/images/create?fromImage=r%2Fa&tag=1", headers));
        assertEquals("/build?t=app&buildargs=<redacted>&pull=1",
                RequestLog.path("/build?t=app&buildargs=%7B%22TOKEN%22%3A%22x%22%7D&pull=1"));
        assertEquals("/containers/create?name=a-1", RequestLog.path("/containers/create?name=a-1"));
    }
}
