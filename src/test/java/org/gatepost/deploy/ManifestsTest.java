package org.gatepost.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes/ and deploy/compose.yaml checked offline against the schemas their tools
 * use (vendored in src/test/resources/schemas/, see its README): Kubernetes 1.32's strict JSON
 * schemas for the core kinds, CloudNativePG's CRD schemas for its kinds, the compose
 * specification's schema for the compose file. Unknown fields are refused everywhere: the
 * strict Kubernetes schemas and the compose schema say so themselves; the CRD schemas are
 * closed here (a CRD schema leaves unknown fields to be silently pruned by the API server,
 * which would hide a misspelt setting such as a synchronous replica that is never configured).
 */
class ManifestsTest {

    private static final Path KUBERNETES = Path.of("deploy/kubernetes");
    private static final Map<String, String> SCHEMAS = Map.of(
            "apps/v1/Deployment", "kubernetes/deployment-apps-v1.json",
            "v1/Service", "kubernetes/service-v1.json",
            "networking.k8s.io/v1/Ingress", "kubernetes/ingress-networking-v1.json",
            "autoscaling/v2/HorizontalPodAutoscaler", "kubernetes/horizontalpodautoscaler-autoscaling-v2.json",
            "policy/v1/PodDisruptionBudget", "kubernetes/poddisruptionbudget-policy-v1.json",
            "v1/Secret", "kubernetes/secret-v1.json",
            "v1/ConfigMap", "kubernetes/configmap-v1.json",
            "postgresql.cnpg.io/v1/Cluster", "cloudnative-pg/cluster-postgresql.cnpg.io-v1.json",
            "postgresql.cnpg.io/v1/ScheduledBackup", "cloudnative-pg/scheduledbackup-postgresql.cnpg.io-v1.json");
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyManifestMatchesItsKindsSchema() {
        List<JsonNode> documents = kubernetesDocuments();
        Set<String> kinds = new java.util.TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode document : documents) {
            String kind = kind(document);
            kinds.add(kind);
            errors(document).forEach(error -> problems.add(kind + " " + document.at("/metadata/name").asText() + ": " + error));
        }
        assertEquals(List.of(), problems);
        assertEquals(new java.util.TreeSet<>(SCHEMAS.keySet()), kinds, "every kind the issue asks for, and nothing unchecked");
    }

    @Test
    void unknownFieldsAreRefused() {
        ObjectNode deployment = (ObjectNode) document("apps/v1/Deployment").deepCopy();
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).put("readinesProbe", "typo");
        assertFalse(errors(deployment).isEmpty(), "a misspelt container field");

        ObjectNode cluster = (ObjectNode) document("postgresql.cnpg.io/v1/Cluster").deepCopy();
        ((ObjectNode) cluster.at("/spec/postgresql")).putObject("synchronus").put("number", 1);
        assertFalse(errors(cluster).isEmpty(), "a misspelt Cluster field");
    }

    @Test
    void theDeploymentIsWhatTheIssueAsksFor() {
        JsonNode deployment = document("apps/v1/Deployment");
        assertTrue(deployment.at("/spec/replicas").asInt() >= 2);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean());
        assertTrue(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean());
        assertTrue(container.at("/resources/requests").has("cpu"));
        JsonNode cluster = document("postgresql.cnpg.io/v1/Cluster");
        assertEquals(3, cluster.at("/spec/instances").asInt());
        assertEquals(1, cluster.at("/spec/postgresql/synchronous/number").asInt());
        assertTrue(cluster.at("/spec/backup/barmanObjectStore/destinationPath").isTextual());
    }

    @Test
    void theComposeFileMatchesTheComposeSpecification() throws IOException {
        JsonNode compose = YAML.readTree(Path.of("deploy/compose.yaml").toFile());
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema("compose/compose-spec.json"));
        assertEquals(Set.of(), schema.validate(compose));
        ObjectNode typo = compose.deepCopy();
        ((ObjectNode) typo.at("/services/gatepost")).put("helthcheck", "typo");
        assertFalse(schema.validate(typo).isEmpty(), "a misspelt service field");
        assertTrue(compose.at("/services/db/image").asText().startsWith("postgres:17"));
        assertTrue(compose.at("/services/gatepost/healthcheck").isObject());
    }

    private static Set<ValidationMessage> errors(JsonNode document) {
        String schemaFile = SCHEMAS.get(kind(document));
        if (schemaFile == null) {
            return Set.of(ValidationMessage.builder().message("no schema for kind " + kind(document)).build());
        }
        JsonNode schema = schema(schemaFile);
        if (schemaFile.startsWith("cloudnative-pg/")) {
            close(schema);
        }
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema).validate(document);
    }

    /** Refuses unknown fields in every object that lists its fields and does not say it keeps unknown ones. */
    private static void close(JsonNode schema) {
        if (schema.isObject()) {
            ObjectNode object = (ObjectNode) schema;
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                object.put("additionalProperties", false);
            }
        }
        schema.forEach(ManifestsTest::close);
    }

    private static JsonNode schema(String file) {
        try (InputStream in = ManifestsTest.class.getResourceAsStream("/schemas/" + file)) {
            ObjectNode schema = (ObjectNode) JSON.readTree(in);
            // The draft is chosen here (the Kubernetes files name a meta-schema URL that is not
            // a draft, the compose file a relative $id): nothing is fetched.
            schema.remove("$schema");
            schema.remove("$id");
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode document(String kind) {
        return kubernetesDocuments().stream().filter(d -> kind(d).equals(kind)).findFirst().orElseThrow();
    }

    private static String kind(JsonNode document) {
        return document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    }

    private static List<JsonNode> kubernetesDocuments() {
        List<JsonNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (var parser = new YAMLFactory().createParser(file.toFile())) {
                    YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
                        if (d != null && !d.isEmpty()) {
                            documents.add(d);
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }
}
