# syntax=docker/dockerfile:1
#
# comment-moderation: build with the Maven wrapper, run Spring Boot's layered jar on a JRE 17.
# Runs as a non-root user and on a read-only root filesystem: the only writable paths it needs are
# /tmp (java.io.tmpdir: Tomcat's work dir, native libraries extracted at run time) and the Kafka Streams
# state directory /var/lib/kafka-streams. Mount a tmpfs/emptyDir or volume on both.

ARG JDK_IMAGE=eclipse-temurin:17.0.15_6-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:17.0.15_6-jre-noble

FROM ${JDK_IMAGE} AS build
WORKDIR /workspace
# Dependencies first: this layer is rebuilt only when the pom or the wrapper change.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
COPY src/ src/
# The image is built from sources that CI has tested; tests are not compiled or run again here.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -Dmaven.test.skip=true package \
 && cp target/comment-moderation-*.jar application.jar \
 && java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM ${JRE_IMAGE}
ARG UID=10001
RUN groupadd --system --gid ${UID} app \
 && useradd --system --uid ${UID} --gid app --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin app \
 && install -d -o ${UID} -g ${UID} -m 0750 /var/lib/kafka-streams
WORKDIR /application
# One layer each, least to most often changed, so a code change rebuilds and pushes only the last one.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
# Numeric user so that Kubernetes' runAsNonRoot can verify it.
USER ${UID}:${UID}
# Container-aware memory: size the heap from the container's memory limit, leave the rest for metaspace,
# threads and direct buffers, and die (to be restarted) rather than limp on after an OutOfMemoryError.
# Setting JAVA_TOOL_OPTIONS at run time replaces these defaults, so repeat the ones you want to keep.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70.0 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp" \
    SPRING_KAFKA_STREAMS_STATEDIR=/var/lib/kafka-streams
VOLUME ["/tmp", "/var/lib/kafka-streams"]
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/application/application.jar"]
