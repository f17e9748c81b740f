package org.stationreplay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.stationreplay.broker.EmbeddedKafkaBroker;
import org.stationreplay.projections.Fold;
import org.stationreplay.history.History;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.producer.ReplayClock;
import org.stationreplay.producer.ReplayJob;
import org.stationreplay.producer.ReplayListener;
import org.stationreplay.producer.ReplayRequest;
import org.stationreplay.producer.Speed;
import org.stationreplay.state.StationState;
import org.stationreplay.streams.StationService;
import org.stationreplay.streams.StreamsSettings;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver, installed by .ci/run) against
 * the real backend: a KRaft broker, the Streams app, the feed, and a replay running. Skipped only where Chromium
 * is not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserDashboardIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final History HISTORY = HistoryReader.bundled();

  private static EmbeddedKafkaBroker broker;
  private static StationService service;
  private static Thread replay;
  private static WebDriver browser;
  private static TopicNames topics;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
    broker = EmbeddedKafkaBroker.start();
    Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    String prefix = "browser-" + System.nanoTime() + "-";
    topics = TopicNames.prefixed(prefix);
    service = StationService.start(new StreamsSettings(prefix + "app", client, Path.of("target", "it-state", prefix),
        Duration.ofMillis(100), topics, 3), "127.0.0.1", 0, Duration.ofSeconds(60));
    replay = new Thread(() -> {
      try {
        // About a month per second, so that a test sees days go by, and a month or so between events at most.
        ReplayJob.run(client, new ReplayRequest(HISTORY, new Speed(2.6e6), null, null, Duration.ofSeconds(1),
            StationTopics.ISS, false, false), ReplayClock.SYSTEM, ReplayListener.NONE, topics, 3);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "browser-test-replay");
    replay.start();

    Path profile = Files.createDirectories(Path.of("target", "chromium-profile-" + System.nanoTime()));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1600,1000", "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService driverService = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(driverService, options);
    browser.get("http://127.0.0.1:" + service.httpPort() + "/");
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (replay != null) {
      replay.interrupt();
      replay.join(10_000);
    }
    if (service != null) {
      service.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static String text(String id) {
    return browser.findElement(By.id(id)).getText().trim();
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private static void click(String id) {
    browser.findElement(By.id(id)).click();
  }

  @Test
  @Order(1)
  void shouldLoadAndShowTheStationAsTheReplayRuns() {
    await().atMost(Duration.ofSeconds(60)).until(() -> !text("sim-date").isEmpty() && !text("sim-date").startsWith("–"));
    await().atMost(Duration.ofSeconds(30)).until(() -> text("connection").contains("connected"));
    assertThat(browser.getTitle()).containsIgnoringCase("Station");
    String first = text("sim-date");
    await().atMost(Duration.ofSeconds(30)).until(() -> !text("sim-date").equals(first));
    await().atMost(Duration.ofSeconds(60)).until(() -> Integer.parseInt(text("module-count")) >= 2);
    assertThat(browser.findElements(By.cssSelector("#module-list .module"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#timeline .timeline-entry"))).isNotEmpty();
    // How far the state is behind the replay's clock in simulated time, beside the producer's own lag.
    await().atMost(Duration.ofSeconds(30)).until(() -> text("fold-lag").matches("< 1 d|\\d+ d|\\d+\\.\\d y"));
    // A projection beyond the counters is listed by name with its fields, from the same SSE states.
    // (read in one script: the list is redrawn whenever a value changes)
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      Object shown = js("const dd = document.querySelector(\"dd[data-projection='spacewalk-time']\");"
          + "return dd && !document.getElementById('projections-block').hidden ? dd.textContent : '';");
      return String.valueOf(shown).contains("spacewalks") && String.valueOf(shown).contains("total");
    });
  }

  @Test
  @Order(2)
  void shouldStopTheSimulatedDateWhenPausedFromThePage() throws Exception {
    click("btn-pause");
    awaitReplayState("PAUSED");
    // Let the fold finish what was sent before the pause, then the date must stand still.
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      String before = text("sim-date");
      Thread.sleep(1_500);
      return text("sim-date").equals(before);
    });
    String paused = text("sim-date");
    Thread.sleep(2_500);
    assertThat(text("sim-date")).isEqualTo(paused);
    click("btn-resume");
    await().atMost(Duration.ofSeconds(30)).until(() -> !text("sim-date").equals(paused));
  }

  @Test
  @Order(3)
  void shouldJumpWhenSeekingToTheThirteenPersonRecord() throws Exception {
    click("btn-pause");
    awaitReplayState("PAUSED");
    js("const i = document.getElementById('seek-date'); i.value = '2009-07-20';"
        + "i.dispatchEvent(new Event('input', {bubbles: true})); i.dispatchEvent(new Event('change', {bubbles: true}));");
    click("btn-seek");
    // Paused, the seek lands on 20 Jul 2009 and stays: STS-127 docked, 13 people aboard.
    await().atMost(Duration.ofSeconds(60)).until(() -> text("sim-date").contains("20 Jul 2009"));
    await().atMost(Duration.ofSeconds(30)).until(() -> text("people-count").equals("13"));
    assertThat(browser.findElements(By.cssSelector("#crew-list li"))).hasSize(13);
    screenshot("dashboard");

    // A viewer who opens the page now, mid-replay, sees the past in the timeline at once: read from the log.
    browser.navigate().refresh();
    await().atMost(Duration.ofSeconds(30)).until(() -> text("sim-date").contains("20 Jul 2009"));
    Instant simulated = Instant.parse("2009-07-20T00:00:00Z");
    List<String> expected = HISTORY.events().stream().filter(e -> e.time().isBefore(simulated)) // sent before it
        .map(e -> e.id()).toList();
    await().atMost(Duration.ofSeconds(30)).until(() -> timeline("timeline").size() >= 100);
    List<String> shown = timeline("timeline");
    assertThat(shown).as("newest first, the events up to the simulated date")
        .startsWith(expected.get(expected.size() - 1), expected.get(expected.size() - 2),
            expected.get(expected.size() - 3));
    List<String> reversed = new java.util.ArrayList<>(expected.subList(expected.size() - shown.size(), expected.size()));
    java.util.Collections.reverse(reversed);
    assertThat(shown).as("every event, once, in order").isEqualTo(reversed);

    // The station drawn: every part of the state on that date, every visiting vehicle at its port.
    StationState then = Fold.stateAt(HISTORY.events(), simulated.minusMillis(1));
    await().atMost(Duration.ofSeconds(30)).until(() -> drawnParts().equals(partsOf(then)));
    assertThat(drawnVehicles()).isEqualTo(vehiclesOf(then));
    // Opened mid-replay on a projector and on a phone: the same drawing, the same past in the timeline.
    for (org.openqa.selenium.Dimension size : List.of(new org.openqa.selenium.Dimension(1280, 720),
        new org.openqa.selenium.Dimension(390, 844))) {
      browser.manage().window().setSize(size);
      browser.navigate().refresh();
      await().atMost(Duration.ofSeconds(30)).until(() -> drawnParts().equals(partsOf(then))
          && drawnVehicles().equals(vehiclesOf(then)) && timeline("timeline").size() == shown.size());
      assertThat(timeline("timeline")).isEqualTo(shown);
      Object overflowing = js("return [...document.querySelectorAll('body *')].filter(e => {"
          + " const r = e.getBoundingClientRect(); return r.width > 0 && r.right > window.innerWidth + 1; })"
          + ".slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));");
      assertThat((List<?>) overflowing).as("nothing wider than the window at %s", size).isEmpty();
      if (size.getWidth() == 1280) {
        js("window.scrollTo(0, 0)"); // as a projector shows the page: the date, the counters, the station
      } else {
        js("document.querySelector('.assembly-card').scrollIntoView()");
      }
      screenshot("assembly-" + size.getWidth() + "x" + size.getHeight());
    }
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1600, 1000));
    browser.navigate().refresh();
    await().atMost(Duration.ofSeconds(30)).until(() -> drawnParts().equals(partsOf(then)));
  }

  /** Module and element names drawn, sorted (read in one script: the drawing may be redrawn meanwhile). */
  @SuppressWarnings("unchecked")
  private static List<String> drawnParts() {
    return ((List<String>) js("return [...document.querySelectorAll('#assembly .asm-node')]"
        + ".filter(g => g.dataset.kind !== 'VEHICLE').map(g => g.dataset.name);")).stream().sorted().toList();
  }

  /** "vehicle @ port" for each vehicle drawn, sorted. */
  @SuppressWarnings("unchecked")
  private static List<String> drawnVehicles() {
    return ((List<String>) js("return [...document.querySelectorAll('#assembly .asm-node')]"
        + ".filter(g => g.dataset.kind === 'VEHICLE').map(g => g.dataset.name + ' @ ' + g.dataset.port);"))
        .stream().sorted().toList();
  }

  private static List<String> partsOf(StationState s) {
    return java.util.stream.Stream.concat(s.modules().stream(), s.elements().stream()).map(e -> e.name()).sorted()
        .toList();
  }

  private static List<String> vehiclesOf(StationState s) {
    return s.visitingVehicles().stream().map(v -> v.name() + " @ " + v.port()).sorted().toList();
  }

  private static void travelTo(String date) {
    js("const s = document.getElementById('travel-slider'); s.value = arguments[0];"
        + "s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true}));",
        String.valueOf(LocalDate.parse(date).toEpochDay()));
  }

  /** The event ids a timeline list shows, top to bottom, read in one script (the list may be redrawn). */
  @SuppressWarnings("unchecked")
  private static List<String> timeline(String id) {
    return (List<String>) js("return [...document.querySelectorAll('#' + arguments[0] + ' .timeline-entry')]"
        + ".map(li => li.dataset.eventId);", id);
  }

  @Test
  @Order(4)
  void shouldShowThePastStationFromTheTimeTravelSlider() {
    long day = LocalDate.parse("2009-07-20").toEpochDay();
    js("const s = document.getElementById('travel-slider'); s.value = arguments[0];"
        + "s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true}));",
        String.valueOf(day));
    StationState expected = Fold.stateAt(HISTORY.events(), Instant.parse("2009-07-20T23:59:59.999Z"));
    await().atMost(Duration.ofSeconds(30)).until(() -> browser.findElement(By.id("travel-panel")).isDisplayed()
        && text("travel-people-count").equals(String.valueOf(expected.peopleAboard()))
        && text("travel-module-count").equals(String.valueOf(expected.moduleCount())));
    assertThat(browser.findElement(By.id("travel-date")).getAttribute("datetime")).isEqualTo("2009-07-20");
    // The latest events by then, from the log: newest first, none after the date (the replay is paused at its start).
    List<String> upToThen = HISTORY.events().stream()
        .filter(e -> e.time().isBefore(Instant.parse("2009-07-20T00:00:00Z"))).map(e -> e.id()).toList();
    await().atMost(Duration.ofSeconds(30)).until(() -> !timeline("travel-timeline").isEmpty());
    assertThat(timeline("travel-timeline")).hasSize(12)
        .startsWith(upToThen.get(upToThen.size() - 1), upToThen.get(upToThen.size() - 2));

    // The drawing follows time travel: the station of Feb 2001, and Soyuz TM-31 moved from Zvezda aft to Zarya
    // nadir on the 24th (a VehicleRelocated event).
    travelTo("2001-02-23");
    StationState before = Fold.stateAt(HISTORY.events(), Instant.parse("2001-02-23T23:59:59.999Z"));
    await().atMost(Duration.ofSeconds(30)).until(() -> drawnParts().equals(partsOf(before))
        && drawnVehicles().equals(vehiclesOf(before)));
    assertThat(drawnVehicles()).contains("Soyuz TM-31 @ Zvezda aft");
    travelTo("2001-02-24");
    await().atMost(Duration.ofSeconds(30)).until(() -> drawnVehicles().contains("Soyuz TM-31 @ Zarya nadir"));
    click("btn-live");
    StationState live = Fold.stateAt(HISTORY.events(), Instant.parse("2009-07-19T23:59:59.999Z"));
    await().atMost(Duration.ofSeconds(30)).until(() -> drawnParts().equals(partsOf(live)));
  }

  @Test
  @Order(5)
  void shouldResumeADroppedStreamWithoutGapsOrDuplicates() throws Exception {
    click("btn-resume");
    awaitReplayState("PLAYING");
    Thread.sleep(2_000);
    js("window.stationDropConnection()");
    Thread.sleep(3_000);
    js("window.stationDropConnection()");
    Thread.sleep(3_000);
    click("btn-pause");
    awaitReplayState("PAUSED");
    Thread.sleep(3_000); // let the last committed states arrive
    @SuppressWarnings("unchecked")
    List<String> ids = (List<String>) js("return window.stationFeed.stateIds.slice()");
    assertThat((Long) js("return window.stationFeed.reconnects")).isGreaterThanOrEqualTo(2L);
    List<ConsumerRecord<String, byte[]>> records = EndToEndIT.readAllFrom(broker.bootstrapServers(), topics.clock());
    List<String> expected = records.stream().map(r -> r.partition() + "-" + r.offset())
        .dropWhile(id -> !id.equals(ids.get(0))).toList();
    assertThat(ids).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
  }

  @Test
  @Order(6)
  void shouldFollowAnotherReplayPickedOnThePage() throws Exception {
    // A second replay on the same topics, keyed by its own name: the ISS history up to the end of 2001.
    History cut = new History("to 2001", HISTORY.lines().stream()
        .filter(l -> l.event().time().isBefore(java.time.Instant.parse("2002-01-01T00:00:00Z"))).toList());
    Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    ReplayJob.run(client, ReplayRequest.once(cut, Speed.MAX, "workshop-2"), ReplayClock.SYSTEM,
        ReplayListener.NONE, topics, 3);
    org.stationreplay.state.StationState expected = Fold.state(cut.events());

    await().atMost(Duration.ofSeconds(30)).until(() -> browser.findElements(
        By.cssSelector("#replay-select option[value='workshop-2']")).size() == 1);
    assertThat(browser.findElements(By.cssSelector("#replay-select option[value='ISS']"))).hasSize(1);
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("replay-select")))
        .selectByValue("workshop-2");

    await().atMost(Duration.ofSeconds(30)).until(() -> browser.getCurrentUrl().contains("replay=workshop-2"));
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
        text("people-count").equals(String.valueOf(expected.peopleAboard()))
            && text("module-count").equals(String.valueOf(expected.moduleCount()))
            && text("expedition").contains(String.valueOf(expected.expedition())));
    assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("replay-select")))
        .getFirstSelectedOption().getAttribute("value")).isEqualTo("workshop-2");
  }

  /**
   * Waits for the page to show the replay in {@code state}. The status reaches the page over SSE; a stream that
   * just reconnected after an error backs off up to 15 s (app.js), hence the patience. On a timeout, says what
   * the server and the page knew, so that a failure on a busy CI machine can be told apart from a lost command.
   */
  private static void awaitReplayState(String state) throws Exception {
    try {
      await().atMost(Duration.ofSeconds(45)).until(() -> text("replay-state").equalsIgnoreCase(state));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      String server = EndToEndIT.get(java.net.URI.create("http://127.0.0.1:" + service.httpPort()
          + "/api/replay?replay=ISS")).body();
      throw new AssertionError("the page did not show " + state + " in 45 s; page: replay-state="
          + text("replay-state") + ", connection=" + text("connection") + ", control=" + text("control-result")
          + "; server /api/replay: " + server, e);
    }
  }

  private static void screenshot(String name) throws Exception {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }
}
