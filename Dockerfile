# syntax=docker/dockerfile:1
# SwiftBolt's image: the shaded jar on a Java 17 JRE, run as an unprivileged user.
#   docker build -t swiftbolt .
#   docker run --rm swiftbolt --help
# compose.yaml runs it as `serve` and `worker` beside PostgreSQL 17 (docs/self-hosting.md).

# --- build: the Maven wrapper, dependencies first so that a source change reuses their layer
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY scripts scripts
RUN ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true

# --- run: the JRE, the jar, a non-root user
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system swiftbolt \
 && useradd --system --gid swiftbolt --home-dir /var/lib/swiftbolt --create-home swiftbolt
COPY --from=build /src/target/swiftbolt.jar /opt/swiftbolt/swiftbolt.jar
COPY LICENSE NOTICE /opt/swiftbolt/
USER swiftbolt
WORKDIR /var/lib/swiftbolt
# Dev secrets (and the embedded database, when DATABASE_URL is unset) live here.
ENV SWIFTBOLT_HOME=/var/lib/swiftbolt
EXPOSE 8080
# The API answers 200 while its database answers; a worker (no HTTP) turns this check off in
# compose.yaml.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/api/v1/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/swiftbolt/swiftbolt.jar"]
CMD ["serve", "--host", "0.0.0.0"]
