package io.bridgehead.faults;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bridgehead in a JVM of its own (the application's main class on the main classpath, without the test classes and
 * their test configuration), so a test can kill it with SIGKILL and start it again on the same database.
 */
final class ForkedApplication {

    private static final Duration STARTUP = Duration.ofSeconds(150);
    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password:\\s+(\\S+)");

    private final Process process;
    private final Path log;
    private final int port;

    private ForkedApplication(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the application and returns once it answers HTTP requests. */
    static ForkedApplication start(String name, int port, List<String> arguments) throws IOException {
        Path log = Path.of("target", "faults", name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-cp",
                applicationClassPath(),
                "io.bridgehead.BridgeheadApplication",
                "--server.port=" + port,
                "--management.server.port=0",
                "--bridgehead.public-url=http://localhost:" + port));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ForkedApplication application = new ForkedApplication(process, log, port);
        application.awaitReady();
        return application;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL (what {@code kill -9} sends): no shutdown hook, no graceful shutdown, nothing flushed. */
    void kill9() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-9", Long.toString(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    /** The Admin password printed once on the very first start of an empty database. */
    String oneTimeAdminPassword() throws IOException {
        Matcher matcher = ONE_TIME_PASSWORD.matcher(Files.readString(log));
        if (!matcher.find()) {
            throw new AssertionError("No one-time password in " + log);
        }
        return matcher.group(1);
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    private void awaitReady() throws IOException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The forked application ended while starting:\n" + tail());
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(URI.create(url("/login")))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                // The banner is printed when the application is ready, after the HTTP port opens.
                if (response.statusCode() == 200 && output().contains("Bridgehead is ready")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        process.destroyForcibly();
        throw new AssertionError("The forked application did not start within " + STARTUP + ":\n" + tail());
    }

    private String tail() throws IOException {
        String output = output();
        return output.substring(Math.max(0, output.length() - 6000));
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The main classpath of this test run: surefire's manifest-only jar expanded, the test classes left out (their
     * spring.factories would point mail at a server inside the fork).
     */
    private static String applicationClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.addAll(expanded(entry));
        }
        return String.join(
                File.pathSeparator,
                entries.stream()
                        .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                        .toList());
    }

    private static List<String> expanded(String entry) {
        if (!entry.endsWith(".jar") || !Path.of(entry).getFileName().toString().startsWith("surefirebooter")) {
            return List.of(entry);
        }
        try (JarFile jar = new JarFile(entry)) {
            Manifest manifest = jar.getManifest();
            String classPath =
                    manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null) {
                return List.of(entry);
            }
            List<String> entries = new ArrayList<>();
            for (String url : classPath.trim().split("\\s+")) {
                URI uri = URI.create(url);
                entries.add(uri.isAbsolute() ? Path.of(uri).toString() : url);
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
