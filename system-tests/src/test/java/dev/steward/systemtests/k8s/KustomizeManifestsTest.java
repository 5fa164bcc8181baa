package dev.steward.systemtests.k8s;

import static dev.steward.systemtests.service.Manifests.list;
import static dev.steward.systemtests.service.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.systemtests.image.Dockerfile;
import dev.steward.systemtests.service.BoundProperties;
import dev.steward.systemtests.service.Deployable;
import dev.steward.systemtests.service.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** deploy/k8s: the Kustomize base and its overlays against the services and their images. */
class KustomizeManifestsTest {

    private static final Path K8S = Deployable.repositoryRoot().resolve("deploy/k8s");
    private static final String VERSION = System.getProperty("steward.version", "0.1.0-SNAPSHOT");
    private static final List<Deployable> SERVICES = List.of(Deployable.DIRECTORY, Deployable.SELFSERVICE,
            Deployable.SYNC, Deployable.AUDIT);
    /** What every service needs to start at all (platform/README.md, the module READMEs). */
    private static final List<String> REQUIRED = List.of("spring.datasource.url", "spring.datasource.username",
            "spring.datasource.password", "spring.kafka.bootstrap-servers", "steward.kafka.username",
            "steward.kafka.password", "steward.security.issuer", "steward.security.audience");

    @Test
    void baseHasADeploymentAndAServiceOnTheConfiguredPortPerService() {
        List<Map<String, Object>> base = resources(K8S.resolve("base"));
        for (Deployable service : SERVICES) {
            Map<String, Object> container = container(find(base, "Deployment", service.module()));
            assertThat(container.get("image")).isEqualTo("steward/" + service.module() + ":" + VERSION);
            assertThat(list(container.get("ports"))).containsExactly(
                    Map.of("name", "http", "containerPort", service.configuredPort()));
            Map<String, Object> port = map(list(map(find(base, "Service", service.module()).get("spec"))
                    .get("ports")).get(0));
            assertThat(port).containsEntry("port", service.configuredPort()).containsEntry("targetPort", "http");
        }
    }

    @Test
    void probesTheActuatorsHealthGroupsAndSetsResources() {
        List<Map<String, Object>> documents = new ArrayList<>(resources(K8S.resolve("base")));
        documents.add(find(resources(K8S.resolve("overlays/dev")), "Deployment", "auth-server"));
        for (Map<String, Object> deployment : documents) {
            if (!"Deployment".equals(deployment.get("kind"))) {
                continue;
            }
            Map<String, Object> container = container(deployment);
            String name = (String) container.get("name");
            assertThat(probePath(container, "livenessProbe")).as(name).isEqualTo("/actuator/health/liveness");
            assertThat(probePath(container, "readinessProbe")).as(name).isEqualTo("/actuator/health/readiness");
            Map<String, Object> resources = map(container.get("resources"));
            assertThat(map(resources.get("requests"))).as("requests of %s", name).containsKeys("cpu", "memory");
            assertThat(map(resources.get("limits"))).as("limits of %s", name).containsKey("memory");
        }
        assertThat(configMap(K8S.resolve("base"), "steward-config"))
                .containsEntry("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
    }

    /** The pods run as the user the image creates (deploy/Dockerfile), never as root. */
    @Test
    void runsAsTheImagesNonRootUser() {
        String user = Dockerfile.read(Deployable.repositoryRoot().resolve("deploy/Dockerfile")).finalStage()
                .only("USER").arguments();
        int uid = Integer.parseInt(user.split(":")[0]);
        for (Map<String, Object> deployment : resources(K8S.resolve("base"))) {
            if ("Deployment".equals(deployment.get("kind"))) {
                Map<String, Object> pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
                assertThat(map(pod.get("securityContext"))).containsEntry("runAsNonRoot", true)
                        .containsEntry("runAsUser", uid);
                assertThat(map(container(deployment).get("securityContext")))
                        .containsEntry("allowPrivilegeEscalation", false).containsEntry("readOnlyRootFilesystem", true);
            }
        }
    }

    /**
     * Every environment name a service gets (its env, the ConfigMaps it reads in the base and as the overlays patch
     * them) is a property it binds, and the ones it needs to start are there.
     */
    @Test
    void everyEnvironmentNameIsAPropertyTheServiceBinds() {
        for (String overlay : List.of("dev", "prod")) {
            Path overlayDirectory = K8S.resolve("overlays").resolve(overlay);
            for (Deployable service : SERVICES) {
                Map<String, Object> container = container(find(resources(K8S.resolve("base")), "Deployment",
                        service.module()));
                Set<String> names = environmentNames(container, overlayDirectory);
                BoundProperties bound = BoundProperties.of(service);
                assertThat(names).as("environment of %s in %s", service.module(), overlay)
                        .allSatisfy(name -> assertThat(bound.binds(name)).as("%s binds %s", service, name).isTrue());
                Set<String> properties = new LinkedHashSet<>();
                names.forEach(name -> bound.property(name).ifPresent(properties::add));
                assertThat(properties).as("%s in %s", service.module(), overlay).containsAll(REQUIRED);
            }
        }
        Map<String, Object> authServer = container(find(resources(K8S.resolve("overlays/dev")), "Deployment",
                "auth-server"));
        BoundProperties bound = BoundProperties.of(Deployable.AUTH_SERVER);
        assertThat(environmentNames(authServer, K8S.resolve("overlays/dev")))
                .allSatisfy(name -> assertThat(bound.binds(name)).as("auth-server binds %s", name).isTrue());
        assertThat(authServer.get("image")).isEqualTo("steward/auth-server:" + VERSION);
        assertThat(map(list(authServer.get("ports")).get(0)))
                .containsEntry("containerPort", Deployable.AUTH_SERVER.configuredPort());
    }

    /** Secrets the dev overlay generates; production creates the same names (deploy/k8s/README.md lists them). */
    @Test
    void everySecretReferencedIsGeneratedInDevAndDocumentedForProduction() throws IOException {
        Set<String> referenced = new LinkedHashSet<>();
        List<Map<String, Object>> documents = new ArrayList<>(resources(K8S.resolve("base")));
        documents.addAll(resources(K8S.resolve("overlays/dev")));
        for (Map<String, Object> document : documents) {
            collectSecretNames(document, referenced);
        }
        Set<String> generated = new LinkedHashSet<>();
        for (Object generator : list(kustomization(K8S.resolve("overlays/dev")).get("secretGenerator"))) {
            generated.add((String) map(generator).get("name"));
        }
        assertThat(generated).containsAll(referenced);
        String readme = Files.readString(K8S.resolve("README.md"));
        assertThat(referenced).isNotEmpty().allSatisfy(secret -> assertThat(readme).contains("`" + secret + "`"));
        assertThat(kustomization(K8S.resolve("overlays/prod"))).doesNotContainKey("secretGenerator");
    }

    @Test
    void productionRunsTheDocumentedReplicasFromItsRegistryWithDisruptionBudgets() {
        Map<String, Object> prod = kustomization(K8S.resolve("overlays/prod"));
        Map<String, Integer> replicas = new HashMap<>();
        list(prod.get("replicas")).forEach(entry -> replicas.put((String) map(entry).get("name"),
                (Integer) map(entry).get("count")));
        Map<String, Map<String, Object>> images = new HashMap<>();
        list(prod.get("images")).forEach(entry -> images.put((String) map(entry).get("name"), map(entry)));
        List<Map<String, Object>> budgets = resources(K8S.resolve("overlays/prod"));
        for (Deployable service : SERVICES) {
            assertThat(replicas.get(service.module())).as(service.module()).isEqualTo(2);
            Map<String, Object> image = images.get("steward/" + service.module());
            assertThat(image).as("image of %s", service.module()).isNotNull();
            assertThat((String) image.get("newName")).endsWith("/steward/" + service.module());
            assertThat(image.get("newTag")).isEqualTo(VERSION);
            assertThat(find(budgets, "PodDisruptionBudget", service.module())).isNotNull();
        }
        assertThat(list(kustomization(K8S.resolve("overlays/dev")).get("resources"))).contains("../../base");
        assertThat(list(prod.get("resources"))).contains("../../base");
    }

    private static Set<String> environmentNames(Map<String, Object> container, Path overlay) {
        Set<String> names = new LinkedHashSet<>();
        list(container.get("env")).forEach(variable -> names.add((String) map(variable).get("name")));
        for (Object source : list(container.get("envFrom"))) {
            String name = (String) map(map(source).get("configMapRef")).get("name");
            if (name != null) {
                names.addAll(configMap(K8S.resolve("base"), name).keySet());
                names.addAll(configMap(overlay, name).keySet());
            }
        }
        return names;
    }

    private static void collectSecretNames(Object node, Set<String> names) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((key, value) -> {
                if (("secretKeyRef".equals(key)) && value instanceof Map<?, ?> ref) {
                    names.add((String) ref.get("name"));
                } else if ("secret".equals(key) && value instanceof Map<?, ?> volume) {
                    names.add((String) volume.get("secretName"));
                } else {
                    collectSecretNames(value, names);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(item -> collectSecretNames(item, names));
        }
    }

    private static String probePath(Map<String, Object> container, String probe) {
        Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
        assertThat(httpGet.get("port")).as(probe).isEqualTo("http");
        return (String) httpGet.get("path");
    }

    private static Map<String, Object> configMap(Path kustomization, String name) {
        Map<String, Object> data = new HashMap<>();
        List<Map<String, Object>> documents = new ArrayList<>(resources(kustomization));
        documents.addAll(patches(kustomization));
        for (Map<String, Object> document : documents) {
            if ("ConfigMap".equals(document.get("kind")) && name.equals(map(document.get("metadata")).get("name"))) {
                data.putAll(map(document.get("data")));
            }
        }
        return data;
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        return map(list(map(map(map(deployment.get("spec")).get("template")).get("spec")).get("containers")).get(0));
    }

    private static Map<String, Object> find(List<Map<String, Object>> documents, String kind, String name) {
        return documents.stream().filter(document -> kind.equals(document.get("kind"))
                        && name.equals(map(document.get("metadata")).get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Map<String, Object> kustomization(Path directory) {
        return Manifests.document(directory.resolve("kustomization.yaml"));
    }

    /** The documents of a kustomization's own resource files (not of the kustomizations it includes). */
    private static List<Map<String, Object>> resources(Path directory) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object resource : list(kustomization(directory).get("resources"))) {
            Path file = directory.resolve(resource.toString());
            if (Files.isRegularFile(file)) {
                documents.addAll(Manifests.documents(file));
            } else {
                assertThat(file.resolve("kustomization.yaml")).as("resource %s", resource).isRegularFile();
            }
        }
        return documents;
    }

    /** Strategic-merge patches given by file. */
    private static List<Map<String, Object>> patches(Path directory) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object patch : list(kustomization(directory).get("patches"))) {
            Object path = map(patch).get("path");
            if (path != null) {
                documents.addAll(Manifests.documents(directory.resolve(path.toString())));
            }
        }
        return documents;
    }
}
