package dev.jcompose.kubernetes.convert;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Objects as YAML, and YAML read back strictly. fabric8's model keeps any field it does not
 * know in {@code additionalProperties}; the strict reader has no such catch-all, so a field
 * the Kubernetes model does not define is an error, as a typo in a hand-written manifest
 * would be at the API server.
 */
public final class ManifestCodec {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(
            JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build(),
            false);

    private static final YAMLMapper STRICT = YAMLMapper.builder()
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                private static final long serialVersionUID = 1L;

                @Override
                public Boolean hasAnySetter(MapperConfig<?> config, Annotated a) {
                    return Boolean.FALSE;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ManifestCodec() {
    }

    /** {@code object} as one YAML document, without the document marker. */
    public static String yaml(HasMetadata object) {
        return YamlText.dump(SERIALIZATION.convertValue(object, java.util.Map.class));
    }

    /** {@code object} as JSON. */
    public static String json(HasMetadata object) {
        return SERIALIZATION.asJson(object);
    }

    /**
     * Reads {@code yaml} as a {@code type}, refusing fields the model does not define.
     *
     * @throws IllegalArgumentException naming the field and where it is
     */
    public static <T> T readStrict(String yaml, Class<T> type) {
        try {
            return STRICT.readValue(yaml, type);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(e.getOriginalMessage() + " at "
                    + e.getPathReference(), e);
        }
    }

    /**
     * Checks that {@code object} reads back from its own YAML into its class with no unknown
     * field and nothing lost: the written text and the text of what was read are the same.
     *
     * @throws IllegalStateException when they are not
     */
    public static void checkRoundTrip(HasMetadata object) {
        String written = yaml(object);
        HasMetadata read = readStrict(written, object.getClass());
        String again = yaml(read);
        if (!written.equals(again)) {
            throw new IllegalStateException(object.getKind() + " "
                    + object.getMetadata().getName() + " does not read back as written:\n"
                    + written + "\nread back as:\n" + again);
        }
    }
}
