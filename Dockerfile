# Agora on a Temurin 21 JRE. Build the jar first: ./mvnw -Pproduction package
FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 agora && mkdir -p /app/config && chown -R agora /app
WORKDIR /app
COPY target/agora.jar /app/agora.jar
USER agora
EXPOSE 8080
# The heap is bounded: Lingua's language models alone retain about 500 MiB (issue 8).
ENV JAVA_TOOL_OPTIONS="-Xmx1g -XX:+UseSerialGC"
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
  CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/agora.jar"]
