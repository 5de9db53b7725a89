package io.uapiguard.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The compose file cannot be run here (no Docker engine), so this checks what can be checked: every environment
 * name given to the service binds, by Spring's own relaxed binding, to a property the application really has
 * (its application.yml, its @ConfigurationProperties, or Spring Boot's configuration metadata).
 */
class ComposeEnvironmentTest {

    static final YAMLMapper YAML = YAMLMapper.builder().build();

    @Test
    void everyServiceEnvironmentNameIsARealProperty() throws Exception {
        JsonNode compose = YAML.readTree(Files.readString(Path.of("docker-compose.yml")));
        JsonNode environment = compose.path("services").path("uapiguard").path("environment");
        assertThat(environment.isObject()).as("services.uapiguard.environment is a map").isTrue();
        Map<String, Object> env = new HashMap<>();
        environment.propertyNames().forEach(name -> env.put(name, "value-of-" + name));
        assertThat(env).containsKeys("SPRING_DATASOURCE_URL", "UAPIGUARD_ADMIN_TOKEN");

        ConfigurationPropertySource source = ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)).iterator().next();
        Set<String> known = knownProperties();
        List<String> unbound = new ArrayList<>();
        for (String name : env.keySet()) {
            boolean bound = known.stream().anyMatch(property -> {
                var value = source.getConfigurationProperty(ConfigurationPropertyName.of(property));
                return value != null && value.getValue().equals("value-of-" + name);
            });
            if (!bound) {
                unbound.add(name);
            }
        }
        assertThat(unbound).as("environment names in docker-compose.yml that bind to no property").isEmpty();
    }

    @Test
    void aMisspelledNameWouldBeCaught() throws Exception {
        Map<String, Object> env = Map.of("UAPIGUARD_ADMIN_TOKN", "x");
        ConfigurationPropertySource source = ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)).iterator().next();
        assertThat(knownProperties()).noneMatch(p -> source.getConfigurationProperty(ConfigurationPropertyName.of(p))
                != null);
    }

    @Test
    void theDockerfileRunsAsNonRootAndChecksTheHealthEndpointThatComposeUses() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).contains("FROM maven:3.9-eclipse-temurin-17 AS build").contains("FROM eclipse-temurin:17-jre")
                .containsPattern("(?m)^USER uapiguard$")
                .contains("HEALTHCHECK").contains("http://127.0.0.1:8080/actuator/health")
                .contains("EXPOSE 8080");
        JsonNode compose = YAML.readTree(Files.readString(Path.of("docker-compose.yml")));
        assertThat(compose.path("services").path("uapiguard").path("healthcheck").path("test").toString())
                .contains("http://127.0.0.1:8080/actuator/health");
        assertThat(compose.path("services").path("db").path("healthcheck").path("test").toString())
                .contains("pg_isready");
        JsonNode application = YAML.readTree(Files.readString(Path.of("src/main/resources/application.yml")));
        assertThat(application.path("server").path("port").asInt()).isEqualTo(8080);
        assertThat(application.path("management").path("endpoints").path("web").path("exposure").path("include")
                .asString()).contains("health").contains("prometheus");
    }

    @Test
    void theDockerfileTheLauncherAndTheLoadBenchmarkRunTheServiceWithTheSameJvmFlags() throws Exception {
        String entrypoint = Files.readString(Path.of("Dockerfile")).lines().filter(l -> l.startsWith("ENTRYPOINT"))
                .findFirst().orElseThrow();
        // The container sizes its heap from its memory limit; a launcher on a workstation leaves that to the JVM.
        List<String> docker = java.util.regex.Pattern.compile("\"(-X[^\"]*)\"").matcher(entrypoint).results()
                .map(m -> m.group(1)).filter(f -> !f.startsWith("-XX:MaxRAMPercentage=")).toList();
        List<String> launcher = List.of(java.util.regex.Pattern.compile("== serve ]]; then\\s*flags\\+=\\(([^)]*)\\)")
                .matcher(Files.readString(Path.of("bin/uapiguard"))).results().map(m -> m.group(1)).findFirst()
                .orElseThrow().trim().split("\\s+"));
        List<String> load = List.of(java.util.regex.Pattern.compile("\\$\\{UAPIGUARD_BENCH_JAVA_OPTS:-([^}]*)}")
                .matcher(Files.readString(Path.of("bench/service.sh"))).results().map(m -> m.group(1)).findFirst()
                .orElseThrow().trim().split("\\s+"));
        assertThat(docker).containsExactly("-XX:+UseParallelGC", "-XX:-UsePSAdaptiveSurvivorSizePolicy",
                "-XX:GCTimeRatio=199");
        assertThat(launcher).as("bin/uapiguard serve").isEqualTo(docker);
        assertThat(load).as("bench/service.sh (load.sh, robustness.sh)").isEqualTo(docker);
    }

    @Test
    void theDockerBuildCopiesEveryTopLevelFolderThePomReads() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        var folders = java.util.regex.Pattern.compile("<(?:directory|sourceDirectory)>(?:\\$\\{project\\.basedir}/)?([^<$/]+)")
                .matcher(pom).results().map(m -> m.group(1)).filter(f -> !f.equals("src")).distinct().toList();
        assertThat(folders).contains("grammar", "migrations");
        for (String folder : folders) {
            assertThat(dockerfile).as("the Dockerfile copies " + folder).contains("COPY " + folder + " " + folder);
        }
        assertThat(Files.readString(Path.of(".dockerignore"))).contains("target/");
    }

    /** application.yml's keys, the app's @ConfigurationProperties, and Spring Boot's metadata. */
    static Set<String> knownProperties() throws IOException {
        Set<String> known = new TreeSet<>();
        flatten("", YAML.readTree(Files.readString(Path.of("src/main/resources/application.yml"))), known);
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.uapiguard")) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
                String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
                if (type.isRecord()) {
                    for (var component : type.getRecordComponents()) {
                        known.add(prefix + "." + kebab(component.getName()));
                    }
                } else {
                    for (var field : type.getDeclaredFields()) {
                        if (!java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                            known.add(prefix + "." + kebab(field.getName()));
                        }
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        JsonMapper json = JsonMapper.builder().build();
        Enumeration<URL> metadata = ComposeEnvironmentTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json");
        while (metadata.hasMoreElements()) {
            try (InputStream in = metadata.nextElement().openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    known.add(property.path("name").asString());
                }
            }
        }
        assertThat(known).contains("spring.datasource.url", "uapiguard.admin.token", "uapiguard.limits.max-body");
        return known;
    }

    private static void flatten(String prefix, JsonNode node, Set<String> out) {
        if (node.isObject()) {
            Iterator<String> names = node.propertyNames().iterator();
            while (names.hasNext()) {
                String name = names.next();
                flatten(prefix.isEmpty() ? name : prefix + "." + name, node.get(name), out);
            }
        } else {
            out.add(prefix);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
