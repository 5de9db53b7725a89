# Build: Maven on Temurin 17; run: Temurin 17 JRE as a non-root user.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY grammar grammar
COPY migrations migrations
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system uapiguard && useradd --system --gid uapiguard --home-dir /var/lib/uapiguard --create-home uapiguard \
    && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /var/lib/uapiguard
COPY --from=build /src/target/uapiguard.jar /opt/uapiguard/uapiguard.jar
USER uapiguard
ENV HOME=/var/lib/uapiguard
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health || exit 1
# The parallel collector: checks allocate ~6 MB of short-lived objects each, and cost 8-12 % less CPU
# under it than under G1; fixed survivor sizing keeps their objects out of the old generation, and a
# 0.5 % time goal makes young pauses rarer (docs/service.md, "Configuration").
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseParallelGC", "-XX:-UsePSAdaptiveSurvivorSizePolicy", "-XX:GCTimeRatio=199", "-jar", "/opt/uapiguard/uapiguard.jar", "serve"]
